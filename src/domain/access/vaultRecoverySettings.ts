import { updateVault } from '../azure/vaults';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { VaultInfo } from './VaultInfo';

/**
 * Turns on soft delete and purge protection (both irreversible: the UI asks first). The PATCH carries only these
 * two properties, so access policies, network rules and the rest of the vault stay as they are.
 */
export async function enablePurgeProtection(factory: AzureClientFactory, vault: Pick<VaultInfo, 'subscriptionId' | 'resourceGroup' | 'name'>): Promise<void> {
    await updateVault(factory, vault, { enableSoftDelete: true, enablePurgeProtection: true });
}
