import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { keyNameProblem, rsaKeySizes, type RsaKeySize } from '../../domain/create/names';
import type { CreateRegistryContext } from './CreateRegistryContext';
import { validationMessage } from './validationMessage';

type KeySpec = { keyType: 'RSA' | 'RSA-HSM'; keySize: RsaKeySize };

/** Name, type and size of a new key: RSA 2048/3072/4096, and RSA-HSM only on premium vaults. */
export class NewKeyStep extends AzureWizardPromptStep<CreateRegistryContext> {
    async prompt(context: CreateRegistryContext): Promise<void> {
        const name = await context.ui.showInputBox({
            prompt: vscode.l10n.t('Name of the new key'),
            value: context.registryName ? `${context.registryName}-key` : undefined,
            validateInput: (value) => validationMessage(keyNameProblem(value)),
        });
        const premium = context.vault?.kind === 'new' ? context.vault.sku === 'premium' : context.vaultInfo?.sku === 'premium';
        const types: KeySpec['keyType'][] = premium ? ['RSA', 'RSA-HSM'] : ['RSA'];
        const specs: IAzureQuickPickItem<KeySpec>[] = types.flatMap((keyType) => rsaKeySizes.map((keySize) => ({
            label: [keyType, String(keySize)].join(' '),
            description: keyType === 'RSA' && keySize === 3072 ? vscode.l10n.t('recommended') : undefined,
            data: { keyType, keySize },
        })));
        const picked = await context.ui.showQuickPick(specs, { placeHolder: vscode.l10n.t('Select the key type and size'), suppressPersistence: true });
        context.key = { kind: 'new', name, ...picked.data };
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return context.key?.kind === 'new' && !context.key.name;
    }
}
