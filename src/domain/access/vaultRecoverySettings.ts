import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { VaultInfo } from './VaultInfo';

/**
 * Turns on soft delete and purge protection (both irreversible: the UI asks first). The PATCH carries only these
 * two properties, so access policies, network rules and the rest of the vault stay as they are.
 */
export async function enablePurgeProtection(factory: AzureClientFactory, vault: Pick<VaultInfo, 'subscriptionId' | 'resourceGroup' | 'name'>): Promise<void> {
    const client = await factory.keyVaultManagement(vault.subscriptionId);
    await client.vaults.update(vault.resourceGroup, vault.name, { properties: { enableSoftDelete: true, enablePurgeProtection: true } });
}
