import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { parseKeyIdentifier } from '../keys/keyIdentifier';
import { parseResourceId } from '../registries/resourceId';
import { toVaultInfo, type VaultInfo } from './VaultInfo';
import { isNotFound } from '../azure/azureErrors';

const vaultResourceType = 'Microsoft.KeyVault/vaults';

/** Reads one vault by resource id (one GET). A 404 becomes a structured `VaultNotFound`. */
export async function getVault(factory: AzureClientFactory, vaultId: string): Promise<VaultInfo> {
    const { subscriptionId, resourceGroup, name } = parseResourceId(vaultId);
    const client = await factory.keyVaultManagement(subscriptionId);
    try {
        return toVaultInfo(await client.vaults.get(resourceGroup, name));
    } catch (error) {
        if (isNotFound(error)) {
            throw new DomainError('VaultNotFound', { vault: name, resourceGroup });
        }
        throw error;
    }
}

/**
 * Finds the vault resource behind a key identifier. Vault names are globally unique and the host is
 * `<name>.<suffix>`, so a `resourceType` listing per subscription (one request each, no per-vault GET)
 * finds it; then one GET reads its properties.
 */
export async function findVaultForKeyId(factory: AzureClientFactory, subscriptionIds: readonly string[], keyId: string): Promise<VaultInfo> {
    const { vaultName } = parseKeyIdentifier(keyId, factory.cloud);
    for (const subscriptionId of subscriptionIds) {
        const client = await factory.resources(subscriptionId);
        for await (const resource of client.resources.list({ filter: `resourceType eq '${vaultResourceType}'` })) {
            if (resource.id && resource.name?.toLowerCase() === vaultName.toLowerCase()) {
                return getVault(factory, resource.id);
            }
        }
    }
    throw new DomainError('VaultNotFoundForKey', { keyId, vault: vaultName });
}

/** Every vault of a subscription (for the "pick an existing vault" prompt). */
export async function listVaults(factory: AzureClientFactory, subscriptionId: string): Promise<VaultInfo[]> {
    const client = await factory.keyVaultManagement(subscriptionId);
    const vaults: VaultInfo[] = [];
    for await (const vault of client.vaults.listBySubscription()) {
        vaults.push(toVaultInfo(vault));
    }
    return vaults.sort((a, b) => a.name.localeCompare(b.name));
}

export function vaultResourceId(subscriptionId: string, resourceGroup: string, name: string): string {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${vaultResourceType}/${name}`;
}

/** Resource group of a resource id, used to check the id is well formed before any request. */
export function resourceGroupOf(id: string): string {
    return parseResourceId(id).resourceGroup;
}
