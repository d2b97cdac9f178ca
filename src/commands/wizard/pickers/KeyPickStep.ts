import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { listVaultKeys, type VaultKeyInfo } from '../../../domain/azure/vaultKeys';
import type { AzureClientFactory } from '../../../domain/clients/AzureClientFactory';
import { DomainError } from '../../../domain/errors';
import { PickerPromptStep, type Answered } from './PickerPromptStep';
import { backToThisPrompt } from '../backToThisPrompt';

export type KeyPick = { readonly kind: 'new' } | { readonly kind: 'existing'; readonly name: string };

/** What differs between the flows that ask for a key. */
export interface KeyPicker<T> extends Answered<T> {
    /** The vault whose keys are listed; no URL for a vault the flow creates (only "Create new RSA key" is offered then). */
    where(context: T): { factory: AzureClientFactory; vaultUrl?: string };
    /** Offer "Create new RSA key" first (create); without it, a vault without keys is an error. */
    readonly offerNew: boolean;
    /** The name of the key the registry uses now, when it is in this vault (rotation): listed first, and marked. */
    current?(context: T): string | undefined;
    answer(context: T, key: KeyPick | undefined): void;
}

/** The encryption key: one prompt for every flow. Keys the registry cannot use are listed with the reason, and explained when picked. */
export class KeyPickStep<T extends IActionContext> extends PickerPromptStep<T, KeyPicker<T>> {
    constructor(picker: KeyPicker<T>, question = 'key') {
        super(picker, question);
    }

    async prompt(context: T): Promise<void> {
        const { factory, vaultUrl } = this.picker.where(context);
        const keys = vaultUrl ? await listVaultKeys(factory, vaultUrl) : [];
        if (keys.length === 0 && !this.picker.offerNew) {
            throw new DomainError('VaultHasNoKeys', { vault: vaultUrl ?? '' });
        }
        const current = this.picker.current?.(context)?.toLowerCase();
        const ordered = [...keys.filter((key) => key.name.toLowerCase() === current), ...keys.filter((key) => key.name.toLowerCase() !== current)];
        for (;;) {
            const picked = (await context.ui.showQuickPick(this.picks(ordered, current), { placeHolder: vscode.l10n.t('Select the encryption key') })).data;
            if (picked === 'new') {
                this.picker.answer(context, { kind: 'new' });
                return;
            }
            if (picked.usableForRegistry) {
                this.picker.answer(context, { kind: 'existing', name: picked.name });
                return;
            }
            await backToThisPrompt(() => context.ui.showWarningMessage(notUsable(picked), { modal: true }, { title: vscode.l10n.t('Choose Another Key') }));
        }
    }

    private picks(keys: VaultKeyInfo[], current: string | undefined): IAzureQuickPickItem<VaultKeyInfo | 'new'>[] {
        const listed = keys.map((key): IAzureQuickPickItem<VaultKeyInfo | 'new'> => ({
            label: key.name,
            description: [key.name.toLowerCase() === current ? vscode.l10n.t('$(check) in use by this registry') : '', describe(key)]
                .filter((part) => part.length > 0)
                .join(' · '),
            data: key,
        }));
        return this.picker.offerNew ? [{ label: vscode.l10n.t('$(plus) Create new RSA key'), data: 'new' }, ...listed] : listed;
    }
}

function describe(key: VaultKeyInfo): string {
    if (!key.enabled) {
        return vscode.l10n.t('$(circle-slash) disabled: not usable');
    }
    return key.usableForRegistry ? key.keyType : vscode.l10n.t('$(circle-slash) {0}: not usable, Azure Container Registry supports only RSA keys', key.keyType);
}

function notUsable(key: VaultKeyInfo): string {
    return key.enabled
        ? vscode.l10n.t('Key "{0}" is of type {1}. Azure Container Registry supports only RSA and RSA-HSM keys.', key.name, key.keyType)
        : vscode.l10n.t('Key "{0}" is disabled. Azure Container Registry cannot encrypt with a disabled key.', key.name);
}
