import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { listKeyNames } from '../../domain/rotate/keyVersions';
import type { RotationWizardContext } from './RotateKeyContext';

/** One key of the chosen vault (the version mode is asked next). */
export class KeyPickStep extends AzureWizardPromptStep<RotationWizardContext> {
    async prompt(context: RotationWizardContext): Promise<void> {
        const vaultUrl = context.vaultUrl ?? '';
        const keys = await listKeyNames(context.factory, vaultUrl);
        if (keys.length === 0) {
            throw new Error(vscode.l10n.t('Key vault {0} has no keys.', vaultUrl));
        }
        const picks = keys.map((key): IAzureQuickPickItem<string> => ({
            label: key.name, description: key.enabled ? undefined : vscode.l10n.t('disabled'), data: key.name,
        }));
        const name = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select a key'), suppressPersistence: true })).data;
        context.answers.keyId = `${vaultUrl}/keys/${name}`;
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return !context.answers.keyId;
    }
}
