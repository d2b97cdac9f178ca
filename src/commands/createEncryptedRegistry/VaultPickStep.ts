import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { listVaults } from '../../domain/access/getVault';
import { isFirewalled, type VaultInfo } from '../../domain/access/VaultInfo';
import { backToThisPrompt } from '../wizard/backToThisPrompt';
import type { CreateRegistryContext } from './CreateRegistryContext';

/**
 * New vault, or an existing one. A firewalled vault is explained (a user-assigned identity cannot pass it); a vault
 * without purge protection is offered the (irreversible) fix in a modal. Nothing is changed here: choices apply at execution.
 */
export class VaultPickStep extends AzureWizardPromptStep<CreateRegistryContext> {
    readonly question = 'vault';

    async prompt(context: CreateRegistryContext): Promise<void> {
        const target = context.subscription!;
        const vaults = await listVaults(target.factory, target.subscriptionId);
        for (;;) {
            const picked = await context.ui.showQuickPick(picks(vaults), { placeHolder: vscode.l10n.t('Select the key vault for the encryption key') });
            if (picked.data === 'new') {
                context.vault = { kind: 'new', name: '' };
                return;
            }
            const vault = picked.data;
            if (await backToThisPrompt(() => acceptVault(context, vault))) {
                return;
            }
        }
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return !context.vault;
    }
}

function picks(vaults: VaultInfo[]): IAzureQuickPickItem<VaultInfo | 'new'>[] {
    return [
        { label: vscode.l10n.t('$(plus) Create new key vault (soft delete and purge protection on)'), data: 'new' },
        ...vaults.map((vault) => ({ label: vault.name, description: describeVault(vault), detail: vault.resourceGroup, data: vault })),
    ];
}

function describeVault(vault: VaultInfo): string {
    const notes = [vault.enableRbacAuthorization ? vscode.l10n.t('Azure RBAC') : vscode.l10n.t('access policies')];
    if (isFirewalled(vault)) {
        notes.push(vscode.l10n.t('$(warning) firewall: not usable for a new registry'));
    }
    if (!vault.enablePurgeProtection) {
        notes.push(vscode.l10n.t('$(warning) no purge protection'));
    }
    return notes.join(' · ');
}

/** True when the vault is taken (possibly with purge protection to enable); false to pick again. */
async function acceptVault(context: CreateRegistryContext, vault: VaultInfo): Promise<boolean> {
    const another: vscode.MessageItem = { title: vscode.l10n.t('Choose Another Vault') };
    if (isFirewalled(vault)) {
        await context.ui.showWarningMessage(vscode.l10n.t('Key vault "{0}" has a firewall (default action Deny).', vault.name), {
            modal: true,
            detail: vscode.l10n.t('A new registry reaches its key through a user-assigned identity, which the vault firewall never lets through: only a registry\'s system-assigned identity counts as a trusted Microsoft service. Choose another vault now; afterwards, "Rotate Key" can move the registry to this vault with its system-assigned identity.'),
        }, another);
        return false;
    }
    if (!vault.enablePurgeProtection) {
        const enable: vscode.MessageItem = { title: vscode.l10n.t('Enable Purge Protection') };
        const choice = await context.ui.showWarningMessage(vscode.l10n.t('Key vault "{0}" does not have purge protection.', vault.name), {
            modal: true,
            detail: vscode.l10n.t('A registry encrypted with a customer-managed key needs soft delete and purge protection on its key vault, so the key cannot be purged while the registry depends on it. Enabling purge protection is irreversible: it can never be turned off for this vault. It is applied only when you confirm the summary.'),
        }, enable, another);
        if (choice !== enable) {
            return false;
        }
        context.vault = { kind: 'existing', id: vault.id, enablePurgeProtection: true };
        context.vaultInfo = vault;
        return true;
    }
    context.vault = { kind: 'existing', id: vault.id };
    context.vaultInfo = vault;
    return true;
}

