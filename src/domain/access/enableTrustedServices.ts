import type { VaultInfo } from './VaultInfo';
import { getVaultResource, updateVault } from '../azure/vaults';
import type { AzureClientFactory } from '../clients/AzureClientFactory';

/**
 * Sets `bypass: AzureServices` on a firewalled vault, keeping its default action, IP and network rules
 * (a PATCH replaces `networkAcls` as a whole, so the current rules are read first and sent back unchanged).
 */
export async function enableTrustedServices(factory: AzureClientFactory, vault: Pick<VaultInfo, 'subscriptionId' | 'resourceGroup' | 'name'>): Promise<void> {
    const acls = (await getVaultResource(factory, vault)).properties.networkAcls ?? {};
    await updateVault(factory, vault, { networkAcls: { ...acls, bypass: 'AzureServices', defaultAction: acls.defaultAction ?? 'Deny' } });
}
