import { allowsTrustedServices, isFirewalled, type VaultInfo } from '../access/VaultInfo';
import { finding, type Finding } from './Finding';
import type { IdentityCheck } from './identityCheck';

/** Soft delete and purge protection: without them a deleted key or vault is gone for good, and the registry with it. */
export function checkVaultRecovery(vault: VaultInfo): Finding {
    const params = { vault: vault.name };
    if (!vault.enableSoftDelete) {
        return finding('vaultRecovery', 'error', 'softDeleteOff', params, { kind: 'enablePurgeProtection', vaultId: vault.id });
    }
    if (!vault.enablePurgeProtection) {
        return finding('vaultRecovery', 'warning', 'purgeProtectionOff', params, { kind: 'enablePurgeProtection', vaultId: vault.id });
    }
    return finding('vaultRecovery', 'ok', 'vaultRecoveryOk', { ...params, days: String(vault.softDeleteRetentionInDays ?? 90) });
}

/** Only the registry's system-assigned identity passes a vault firewall, as a trusted service, when trusted services may bypass it. */
export function checkFirewall(vault: VaultInfo, identity: IdentityCheck, registryId: string): Finding {
    const params = { vault: vault.name };
    if (!isFirewalled(vault)) {
        return finding('firewall', 'ok', 'noFirewall', params);
    }
    if (identity.kind !== 'system') {
        return finding('firewall', 'error', 'firewallUserIdentity', params, { kind: 'switchToSystemIdentity', registryId });
    }
    if (!allowsTrustedServices(vault)) {
        return finding('firewall', 'error', 'firewallNoTrustedServices', params, { kind: 'allowTrustedServices', vaultId: vault.id });
    }
    return finding('firewall', 'ok', 'firewallTrustedSystemIdentity', params);
}
