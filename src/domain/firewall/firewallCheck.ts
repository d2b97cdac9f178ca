import { allowsTrustedServices, isFirewalled, type VaultInfo } from '../access/VaultInfo';
import { uniqueIds } from '../util/uniqueIds';
import { findVaultForKeyId } from '../access/getVault';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import type { RegistrySummary } from '../registries/RegistryEncryption';

/**
 * How a registry stands with the firewall of its key's vault. Only the registry's system-assigned identity passes
 * a vault firewall (as a trusted service, when `bypass` is `AzureServices`); a firewall turned on after the
 * registry was created therefore breaks a user-assigned identity's access, and with it automatic rotation,
 * until identity and key are re-applied with the system identity.
 */
export interface FirewallCheck {
    readonly vault: VaultInfo;
    readonly firewalled: boolean;
    readonly trustedServicesAllowed: boolean;
    /** The registry's identity cannot pass the firewall: re-apply key + system identity. */
    readonly broken: boolean;
}

export async function checkRegistryVaultFirewall(
    factory: AzureClientFactory,
    registry: RegistrySummary,
    subscriptionIds: readonly string[] = [registry.subscriptionId],
): Promise<FirewallCheck> {
    const state = registry.encryption;
    if (state.status !== 'enabled') {
        throw new DomainError('RegistryNotCmk', { registry: registry.name });
    }
    const vault = await findVaultForKeyId(factory, uniqueIds([registry.subscriptionId, ...subscriptionIds]), state.keyIdentifier);
    const firewalled = isFirewalled(vault);
    const trustedServicesAllowed = allowsTrustedServices(vault);
    const usesSystem = state.identity?.kind === 'system';
    return { vault, firewalled, trustedServicesAllowed, broken: firewalled && (!usesSystem || !trustedServicesAllowed) };
}
