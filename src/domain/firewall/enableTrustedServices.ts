import type { VaultInfo } from '../access/VaultInfo';
import type { AzureClientFactory } from '../clients/AzureClientFactory';

/**
 * Sets `bypass: AzureServices` on a firewalled vault, keeping its default action, IP and network rules
 * (a PATCH replaces `networkAcls` as a whole, so the current rules are read first and sent back unchanged).
 */
export async function enableTrustedServices(factory: AzureClientFactory, vault: Pick<VaultInfo, 'subscriptionId' | 'resourceGroup' | 'name'>): Promise<void> {
    const client = await factory.keyVaultManagement(vault.subscriptionId);
    const current = await client.vaults.get(vault.resourceGroup, vault.name);
    const acls = current.properties.networkAcls ?? {};
    await client.vaults.update(vault.resourceGroup, vault.name, {
        properties: { networkAcls: { ...acls, bypass: 'AzureServices', defaultAction: acls.defaultAction ?? 'Deny' } },
    });
}
