import { resourcesOfType } from '../azure/resources';
import { deletedVaultsIn, readVault, vaultsIn } from '../azure/vaults';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError, isDomainError } from '../errors';
import { parseKeyIdentifier } from '../keys/keyIdentifier';
import { parseResourceId } from '../util/resourceId';
import { collect } from '../util/collect';
import { toVaultInfo, type VaultInfo } from './VaultInfo';

const vaultResourceType = 'Microsoft.KeyVault/vaults';

/** Reads one vault by resource id (one GET). A 404 becomes a structured `VaultNotFound`. */
export async function getVault(factory: AzureClientFactory, vaultId: string): Promise<VaultInfo> {
    const ref = parseResourceId(vaultId);
    const vault = await readVault(factory, ref);
    if (!vault) {
        throw new DomainError('VaultNotFound', { vault: ref.name, resourceGroup: ref.resourceGroup });
    }
    return toVaultInfo(vault);
}

/**
 * Finds the vault resource behind a key identifier. Vault names are globally unique and the host is
 * `<name>.<suffix>`, so a `resourceType` listing per subscription (one request each, no per-vault GET)
 * finds it; then one GET reads its properties.
 */
export async function findVaultForKeyId(factory: AzureClientFactory, subscriptionIds: readonly string[], keyId: string): Promise<VaultInfo> {
    const { vaultName } = parseKeyIdentifier(keyId, factory.cloud);
    for (const subscriptionId of subscriptionIds) {
        for await (const resource of resourcesOfType(factory, subscriptionId, vaultResourceType)) {
            if (resource.id && resource.name?.toLowerCase() === vaultName.toLowerCase()) {
                return getVault(factory, resource.id);
            }
        }
    }
    throw new DomainError('VaultNotFoundForKey', { keyId, vault: vaultName });
}

/** Every vault of a subscription (for the "pick an existing vault" prompt). */
export async function listVaults(factory: AzureClientFactory, subscriptionId: string): Promise<VaultInfo[]> {
    return (await collect(vaultsIn(factory, subscriptionId))).map(toVaultInfo).sort((a, b) => a.name.localeCompare(b.name));
}

/** A soft-deleted vault: recoverable until `scheduledPurgeDate` (`az keyvault recover --name <name>`, or the portal's "Manage deleted vaults"). */
export interface DeletedVaultInfo {
    readonly name: string;
    readonly subscriptionId: string;
    readonly location: string;
    readonly vaultId?: string;
    readonly scheduledPurgeDate?: Date;
}

export type VaultLookup =
    { readonly kind: 'found'; readonly vault: VaultInfo } | { readonly kind: 'softDeleted'; readonly deleted: DeletedVaultInfo } | { readonly kind: 'missing' };

/** The vault of a key; when there is none, a vault of its name that was deleted but can still be recovered (one list per subscription). */
export async function lookUpVault(factory: AzureClientFactory, subscriptionIds: readonly string[], keyId: string): Promise<VaultLookup> {
    try {
        return { kind: 'found', vault: await findVaultForKeyId(factory, subscriptionIds, keyId) };
    } catch (error) {
        if (!isDomainError(error, 'VaultNotFoundForKey')) {
            throw error;
        }
        for (const subscriptionId of subscriptionIds) {
            for await (const deleted of deletedVaultsIn(factory, subscriptionId)) {
                if (deleted.name?.toLowerCase() === error.params.vault.toLowerCase()) {
                    const { location = '', vaultId, scheduledPurgeDate } = deleted.properties ?? {};
                    return { kind: 'softDeleted', deleted: { name: deleted.name, subscriptionId, location, vaultId, scheduledPurgeDate } };
                }
            }
        }
        return { kind: 'missing' };
    }
}
