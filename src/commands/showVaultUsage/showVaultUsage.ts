import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { DomainError } from '../../domain/errors';
import { VaultInUseNode } from '../../keysView/keyNodes';
import type { CommandServices } from '../CommandServices';
import { registryOf } from '../showKeyUsage/usageSource';

/**
 * Show Registries Using This Key Vault: the vault in the Keys view, selected, every key of it in use expanded with every
 * registry (any selected subscription) that uses it. A vault's firewall, access model, deletion or purge reaches all
 * its keys at once, so its blast radius is all of them together: the view shows them all, rather than a pick of one key
 * that would hide the others. Run on a Keys view vault row, a registry's Key vault row, or from the palette.
 */
export async function showVaultUsage(context: IActionContext, services: CommandServices, arg?: unknown): Promise<number> {
    const vault = await vaultOf(context, services, arg);
    const registries = await services.keys.revealVault(vault.vaultUrl);
    if (registries === undefined) {
        void vscode.window.showWarningMessage(
            vscode.l10n.t('Key vault "{0}" is not in the Keys view: refresh it, or check the subscriptions it shows.', vault.vaultName),
        );
        return 0;
    }
    return registries;
}

async function vaultOf(context: IActionContext, services: CommandServices, arg: unknown): Promise<{ vaultUrl: string; vaultName: string }> {
    if (arg instanceof VaultInUseNode) {
        return arg.entry;
    }
    const registry = registryOf(arg);
    if (registry) {
        if (registry.encryption.status !== 'enabled' || !registry.encryption.key) {
            throw new DomainError('RegistryNotCmk', { registry: registry.name });
        }
        return registry.encryption.key;
    }
    const vaults = [...new Set((await services.keys.keysInUse()).map((key) => key.parent))];
    if (vaults.length === 0) {
        throw new DomainError('NoKeysInUse', {});
    }
    const picks: IAzureQuickPickItem<VaultInUseNode>[] = vaults.map((vault) => ({
        label: vault.entry.vaultName,
        description: vscode.l10n.t('keys in use: {0} · registries: {1}', vault.entry.keys.length, vault.registries),
        data: vault,
    }));
    return (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select the key vault whose registries to show'), suppressPersistence: true }))
        .data.entry;
}
