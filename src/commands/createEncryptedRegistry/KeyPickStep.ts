import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { listEnabledKeys } from '../../domain/azure/vaultKeys';
import { backToThisPrompt } from '../wizard/backToThisPrompt';
import type { CreateRegistryContext } from './CreateRegistryContext';

interface KeyChoice { readonly name: string; readonly keyType: string; readonly usable: boolean }

/** New key, or an existing RSA key of the picked vault; EC keys are listed as not usable, with the reason. */
export class KeyPickStep extends AzureWizardPromptStep<CreateRegistryContext> {
    readonly question = 'key';

    async prompt(context: CreateRegistryContext): Promise<void> {
        const choices = await loadKeys(context);
        for (;;) {
            const picked = await context.ui.showQuickPick(picks(choices), { placeHolder: vscode.l10n.t('Select the encryption key') });
            if (picked.data === 'new') {
                context.key = { kind: 'new', name: '' };
                return;
            }
            if (picked.data.usable) {
                context.key = { kind: 'existing', name: picked.data.name };
                return;
            }
            const name = picked.data.name;
            const keyType = picked.data.keyType;
            await backToThisPrompt(() => context.ui.showWarningMessage(vscode.l10n.t('Key "{0}" is of type {1}. Azure Container Registry supports only RSA and RSA-HSM keys.', name, keyType),
                { modal: true }, { title: vscode.l10n.t('Choose Another Key') }));
        }
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return !context.key;
    }
}

async function loadKeys(context: CreateRegistryContext): Promise<KeyChoice[]> {
    if (context.vault?.kind !== 'existing' || !context.vaultInfo) {
        return [];
    }
    const keys = await listEnabledKeys(context.subscription!.factory, context.vaultInfo.vaultUri);
    return keys.map((key) => ({ name: key.name, keyType: key.keyType, usable: key.usableForRegistry }));
}

function picks(choices: KeyChoice[]): IAzureQuickPickItem<KeyChoice | 'new'>[] {
    return [
        { label: vscode.l10n.t('$(plus) Create new RSA key'), data: 'new' },
        ...choices.map((choice) => ({
            label: choice.name,
            description: choice.usable ? choice.keyType : vscode.l10n.t('$(circle-slash) {0}: not usable, Azure Container Registry supports only RSA keys', choice.keyType),
            data: choice,
        })),
    ];
}
