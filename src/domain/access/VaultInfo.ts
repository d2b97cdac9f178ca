import type { Vault } from '@azure/arm-keyvault';
import { azureResourceOf, type AzureResource } from '../util/resourceId';

/** What the CMK flows need to know about a Key Vault (management plane), flattened from the SDK's `Vault`. */
export interface VaultInfo extends AzureResource {
    readonly location?: string;
    /** `https://<vault>.<suffix>/` as Azure reports it. */
    readonly vaultUri: string;
    readonly tenantId: string;
    /** `standard` or `premium` (premium vaults can hold HSM-protected keys). */
    readonly sku: string;
    readonly enableRbacAuthorization: boolean;
    readonly enableSoftDelete: boolean;
    readonly enablePurgeProtection: boolean;
    readonly softDeleteRetentionInDays?: number;
    readonly networkAcls?: {
        readonly bypass?: string;
        readonly defaultAction?: string;
        readonly ipRuleCount: number;
        readonly virtualNetworkRuleCount: number;
    };
    /** Object ids with an access policy, and their key permissions (ignored by Key Vault when RBAC is on). */
    readonly accessPolicies: readonly { readonly objectId: string; readonly keys: readonly string[] }[];
}

export function toVaultInfo(vault: Vault): VaultInfo {
    const p = vault.properties;
    const acls = p.networkAcls;
    return {
        ...azureResourceOf(vault),
        location: vault.location,
        vaultUri: p.vaultUri ?? '',
        tenantId: p.tenantId,
        sku: (p.sku?.name ?? 'standard').toLowerCase(),
        enableRbacAuthorization: p.enableRbacAuthorization === true,
        // Soft delete defaults to on (and cannot be turned off) since 2020; only an explicit false means off.
        enableSoftDelete: p.enableSoftDelete !== false,
        enablePurgeProtection: p.enablePurgeProtection === true,
        softDeleteRetentionInDays: p.softDeleteRetentionInDays,
        networkAcls: acls
            ? {
                  bypass: acls.bypass,
                  defaultAction: acls.defaultAction,
                  ipRuleCount: acls.ipRules?.length ?? 0,
                  virtualNetworkRuleCount: acls.virtualNetworkRules?.length ?? 0,
              }
            : undefined,
        accessPolicies: (p.accessPolicies ?? []).map((policy) => ({ objectId: policy.objectId, keys: (policy.permissions.keys ?? []).map(String) })),
    };
}

/** `defaultAction: Deny`: only allowed addresses, or trusted services when `bypass` is `AzureServices`, reach the vault. */
export function isFirewalled(vault: VaultInfo): boolean {
    return (vault.networkAcls?.defaultAction ?? 'Allow').toLowerCase() === 'deny';
}

/** A firewalled vault that trusted Azure services (a registry's system-assigned identity) can still pass. */
export function allowsTrustedServices(vault: VaultInfo): boolean {
    return !isFirewalled(vault) || (vault.networkAcls?.bypass ?? 'AzureServices').toLowerCase() === 'azureservices';
}
