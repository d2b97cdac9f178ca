import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { listVaults } from '../../../domain/access/getVault';
import { allowsTrustedServices, isFirewalled, type VaultInfo } from '../../../domain/access/VaultInfo';
import type { AzureClientFactory } from '../../../domain/clients/AzureClientFactory';
import { DomainError } from '../../../domain/errors';
import { PickerPromptStep, type Answered } from './PickerPromptStep';
import { backToThisPrompt } from '../backToThisPrompt';

/** The subscription whose key vaults are listed. */
export interface VaultScope {
    readonly factory: AzureClientFactory;
    readonly subscriptionId: string;
    readonly subscriptionName: string;
}

/** What differs between the flows that ask for a key vault. */
export interface VaultPicker<T> extends Answered<T> {
    where(context: T): Promise<VaultScope>;
    /** Offer "Create new key vault" first (create); without it, a subscription without vaults is an error. */
    readonly offerNew: boolean;
    /**
     * How a vault firewall counts: `refused` when the registry reaches the key through a user-assigned identity, which
     * no vault firewall lets through (create); `trustedServices` when the system-assigned identity may pass it as a
     * trusted service, so whether the vault allows those is what matters (rotation).
     */
    readonly firewall: 'refused' | 'trustedServices';
    /** Takes the pick (`new`: a new vault); false to show the list again (the flow explained why this vault cannot be used). */
    accept(context: T, vault: VaultInfo | 'new', scope: VaultScope): Promise<boolean>;
    clear(context: T): void;
}

/** The key vault for the encryption key: one prompt for every flow. */
export class VaultPickStep<T extends IActionContext> extends PickerPromptStep<T, VaultPicker<T>> {
    constructor(picker: VaultPicker<T>, question = 'vault') {
        super(picker, question);
    }

    protected override clearAnswer(context: T): void {
        this.picker.clear(context);
    }

    async prompt(context: T): Promise<void> {
        const scope = await this.picker.where(context);
        const vaults = await listVaults(scope.factory, scope.subscriptionId);
        if (vaults.length === 0 && !this.picker.offerNew) {
            throw new DomainError('SubscriptionHasNoVaults', { subscription: scope.subscriptionName });
        }
        for (;;) {
            const picked = await context.ui.showQuickPick(this.picks(vaults), { placeHolder: vscode.l10n.t('Select the key vault for the encryption key') });
            // Back in a modal the flow shows about the picked vault returns to this list.
            if (await backToThisPrompt(() => this.picker.accept(context, picked.data, scope))) {
                return;
            }
        }
    }

    private picks(vaults: VaultInfo[]): IAzureQuickPickItem<VaultInfo | 'new'>[] {
        const listed = vaults.map((vault): IAzureQuickPickItem<VaultInfo | 'new'> => ({
            label: vault.name,
            description: this.describe(vault),
            detail: vault.resourceGroup,
            data: vault,
        }));
        return this.picker.offerNew
            ? [{ label: vscode.l10n.t('$(plus) Create new key vault (soft delete and purge protection on)'), data: 'new' }, ...listed]
            : listed;
    }

    private describe(vault: VaultInfo): string {
        const notes = [vault.enableRbacAuthorization ? vscode.l10n.t('Azure RBAC') : vscode.l10n.t('access policies')];
        if (isFirewalled(vault)) {
            notes.push(
                this.picker.firewall === 'refused'
                    ? vscode.l10n.t('$(warning) firewall: not usable for a new registry')
                    : allowsTrustedServices(vault)
                      ? vscode.l10n.t('firewall, trusted services allowed')
                      : vscode.l10n.t('firewall, trusted services blocked'),
            );
        }
        if (!vault.enablePurgeProtection) {
            notes.push(vscode.l10n.t('$(warning) no purge protection'));
        }
        return notes.join(' · ');
    }
}
