import type { IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { rsaKeySizes, type RsaKeySize } from '../../domain/create/names';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import type { CreateRegistryContext } from './CreateRegistryContext';

type KeySpec = { keyType: 'RSA' | 'RSA-HSM'; keySize: RsaKeySize };

/** Type and size of a new key: RSA 2048/3072/4096, and RSA-HSM only on premium vaults. Asked after its name. */
export class KeySpecStep extends AnswerPromptStep<CreateRegistryContext> {
    readonly question = 'key';

    protected clearAnswer(context: CreateRegistryContext): void {
        if (context.key?.kind === 'new') {
            context.key = { kind: 'new', name: context.key.name };
        }
    }

    async prompt(context: CreateRegistryContext): Promise<void> {
        const premium = context.vault?.kind === 'new' ? context.vault.sku === 'premium' : context.vaultInfo?.sku === 'premium';
        const types: KeySpec['keyType'][] = premium ? ['RSA', 'RSA-HSM'] : ['RSA'];
        const specs: IAzureQuickPickItem<KeySpec>[] = types.flatMap((keyType) =>
            rsaKeySizes.map((keySize) => ({
                label: [keyType, String(keySize)].join(' '),
                description: keyType === 'RSA' && keySize === 3072 ? vscode.l10n.t('recommended') : undefined,
                data: { keyType, keySize },
            })),
        );
        const picked = await context.ui.showQuickPick(specs, { placeHolder: vscode.l10n.t('Select the key type and size') });
        if (context.key?.kind === 'new') {
            context.key = { ...context.key, ...picked.data };
        }
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return context.key?.kind === 'new' && !context.key.keyType;
    }
}
