import type { EmulatorContext } from '../context';
import type { AccessPolicy, Vault, VaultProperties } from '../types';
import { badRequest, resourceNotFound } from '../errors';
import { isGuid, lower, providerId } from '../ids';
import { requireGroup } from '../store';

export const VAULT_TYPE = 'Microsoft.KeyVault/vaults';
export const PERMISSION_KINDS = ['keys', 'secrets', 'certificates', 'storage'];

export function validateVaultName(name: string): void {
    if (!/^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/.test(name) || name.includes('--')) {
        throw badRequest(
            'VaultNameNotValid',
            `The vault name '${name}' is invalid. A vault's name must be between 3-24 alphanumeric characters. The name must begin with a letter, end with a letter or digit, and not contain consecutive hyphens. Follow this link for more information: https://go.microsoft.com/fwlink/?linkid=2147742`,
        );
    }
}

export function validateAccessPolicies(ctx: EmulatorContext, policies: unknown): AccessPolicy[] {
    if (policies === undefined || policies === null) return [];
    if (!Array.isArray(policies)) throw badRequest('BadRequest', 'The parameter accessPolicies must be an array.');
    if (policies.length > 1024) throw badRequest('BadRequest', 'The access policies of a vault cannot exceed 1024 entries.');
    return policies.map((p: AccessPolicy) => {
        if (!isGuid(p?.objectId)) throw badRequest('BadRequest', `Invalid value found at accessPolicies[].ObjectId: ${p?.objectId}`);
        if (lower(p.tenantId ?? '') !== lower(ctx.world.tenantId)) {
            throw badRequest('BadRequest', `Invalid value found at accessPolicies[].TenantId: ${p.tenantId}. It must be the vault's tenant.`);
        }
        // Key Vault keeps the permission kinds as sent: a policy with only key permissions shows only `keys`.
        const permissions = Object.fromEntries(PERMISSION_KINDS.filter((k) => Array.isArray(p.permissions?.[k])).map((k) => [k, p.permissions[k]!]));
        return { tenantId: p.tenantId, objectId: p.objectId, ...(p.applicationId ? { applicationId: p.applicationId } : {}), permissions };
    });
}

/** Vault `properties` as a client sends them (unchecked JSON): mergeVaultProperties holds them to VaultProperties. */
export type VaultPropertiesRequest = Partial<Omit<VaultProperties, 'accessPolicies' | 'rbacSent'>> & { accessPolicies?: unknown; createMode?: string };

/** Vault properties as Azure computes them from a PUT/PATCH, with the irreversible switches enforced. */
export function mergeVaultProperties(
    ctx: EmulatorContext,
    existing: VaultProperties | undefined,
    incoming: VaultPropertiesRequest | undefined,
    apiVersion: string,
    isPatch: boolean,
): VaultProperties {
    const p: VaultPropertiesRequest = incoming ?? {};
    const base: Partial<VaultProperties> = isPatch || existing ? (existing ?? {}) : {};
    const tenantId = p.tenantId ?? base.tenantId;
    if (!isGuid(tenantId)) throw badRequest('BadRequest', 'The parameter properties.tenantId is required and must be a GUID.');
    if (lower(tenantId) !== lower(ctx.world.tenantId)) {
        throw badRequest('BadRequest', `The tenant '${tenantId}' is not the tenant of this subscription ('${ctx.world.tenantId}').`);
    }
    const sku = p.sku ?? base.sku;
    if (!sku || !['standard', 'premium'].includes(lower(sku.name ?? ''))) {
        throw badRequest('BadRequest', 'The parameter properties.sku.name must be standard or premium.');
    }
    if (p.enableSoftDelete === false) {
        throw badRequest(
            'BadRequest',
            'The property "enableSoftDelete" cannot be set to false. Soft delete is enabled on all key vaults and cannot be disabled: https://aka.ms/kvsoftdelete',
        );
    }
    if (p.enablePurgeProtection === false && base.enablePurgeProtection) {
        throw badRequest(
            'BadRequest',
            'The property "enablePurgeProtection" cannot be set to false. Enabling the purge protection for a vault is an irreversible action.',
        );
    }
    const retention = p.softDeleteRetentionInDays ?? base.softDeleteRetentionInDays ?? 90;
    if (!Number.isInteger(retention) || retention < 7 || retention > 90) {
        throw badRequest('BadRequest', `The property "softDeleteRetentionInDays" has an invalid value ${retention}. It must be between 7 and 90.`);
    }
    if (existing && retention !== existing.softDeleteRetentionInDays) {
        throw badRequest('BadRequest', 'The property "softDeleteRetentionInDays" cannot be changed once the vault has been created.');
    }
    // Since api-version 2026-02-01 a new vault defaults to the RBAC permission model.
    const rbacDefault = base.enableRbacAuthorization ?? apiVersion >= '2026-02-01';
    return {
        tenantId,
        sku: { family: sku.family ?? 'A', name: lower(sku.name) },
        accessPolicies: p.accessPolicies !== undefined ? validateAccessPolicies(ctx, p.accessPolicies) : (base.accessPolicies ?? []),
        enableSoftDelete: true,
        softDeleteRetentionInDays: retention,
        ...((p.enablePurgeProtection ?? base.enablePurgeProtection) ? { enablePurgeProtection: true } : {}),
        enableRbacAuthorization: typeof p.enableRbacAuthorization === 'boolean' ? p.enableRbacAuthorization : rbacDefault,
        ...(typeof p.enableRbacAuthorization === 'boolean' || base.rbacSent ? { rbacSent: true } : {}),
        networkAcls: p.networkAcls ?? base.networkAcls,
        publicNetworkAccess: p.publicNetworkAccess ?? base.publicNetworkAccess ?? 'Enabled',
        ...optionalFlag('enabledForDeployment', p, base),
        ...optionalFlag('enabledForDiskEncryption', p, base),
        ...optionalFlag('enabledForTemplateDeployment', p, base),
    };
}

const optionalFlag = (
    name: 'enabledForDeployment' | 'enabledForDiskEncryption' | 'enabledForTemplateDeployment',
    p: VaultPropertiesRequest,
    base: Partial<VaultProperties>,
): Partial<VaultProperties> => {
    const value = typeof p[name] === 'boolean' ? p[name] : base[name];
    return value === undefined ? {} : { [name]: value };
};

export const vaultUri = (ctx: EmulatorContext, vault: Vault): string => `https://${lower(vault.name)}${ctx.env.keyVaultDnsSuffix}/`;

/** Firewall settings Key Vault leaves out of its answers: allow all, Azure services bypassing, no rules (recorded). */
const isDefaultNetworkAcls = (acls: NonNullable<VaultProperties['networkAcls']>): boolean =>
    lower(acls.defaultAction ?? 'Allow') === 'allow' &&
    lower(acls.bypass ?? 'AzureServices') === 'azureservices' &&
    !(acls.ipRules ?? []).length &&
    !(acls.virtualNetworkRules ?? []).length;

/** From this api-version Key Vault answers all three `enabledFor*` flags (false when unset); before it only `enabledForDeployment`. */
const ALL_ENABLED_FOR_FLAGS = '2024-11-01';

/**
 * A vault as Key Vault's management plane answers it, shaped by the Azure CLI (api 2021-10-01, 2023-02-01) and Azure
 * PowerShell (api 2024-11-01) recordings of the fidelity suite. `registeringDns`: the answer to the PUT that creates the
 * vault, which Azure gives while the vault's DNS name is being registered (`provisioningState: RegisteringDns`, the
 * `vaultUri` still without its trailing slash); clients poll the vault with GET, and the recorded first GET already
 * answers `Succeeded` with the slash, as every read of the emulator does.
 */
export function vaultJson(ctx: EmulatorContext, vault: Vault, apiVersion = '', registeringDns = false): unknown {
    // Azure leaves enableRbacAuthorization out of a vault created without it before api 2026-02-01 (recorded); the emulator
    // still shows `false` there, which test/integration/emulator/vaults.test.ts expects (fidelity allow-list).
    const { networkAcls, rbacSent: _rbacSent, enabledForDeployment, enabledForDiskEncryption, enabledForTemplateDeployment, ...rest } = vault.properties;
    const allFlags = apiVersion >= ALL_ENABLED_FOR_FLAGS;
    const flags = {
        enabledForDeployment: enabledForDeployment ?? false,
        ...(enabledForDiskEncryption !== undefined || allFlags ? { enabledForDiskEncryption: enabledForDiskEncryption ?? false } : {}),
        ...(enabledForTemplateDeployment !== undefined || allFlags ? { enabledForTemplateDeployment: enabledForTemplateDeployment ?? false } : {}),
    };
    return {
        id: vault.id,
        name: vault.name,
        type: VAULT_TYPE,
        location: vault.location,
        tags: vault.tags,
        ...(vault.systemData ? { systemData: vault.systemData } : {}),
        properties: {
            ...rest,
            ...flags,
            ...(networkAcls && !isDefaultNetworkAcls(networkAcls)
                ? { networkAcls: { bypass: 'AzureServices', defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [], ...networkAcls } }
                : {}),
            ...(registeringDns
                ? { vaultUri: vaultUri(ctx, vault).replace(/\/$/, ''), provisioningState: 'RegisteringDns' }
                : { vaultUri: vaultUri(ctx, vault), provisioningState: 'Succeeded' }),
        },
    };
}

/** Azure keeps a deleted vault (and its keys) for the retention period. */
export function softDeleteVault(ctx: EmulatorContext, vault: Vault): void {
    const now = ctx.clock.nowMs();
    ctx.world.deletedVaults[lower(vault.name)] = {
        vault,
        deletionDate: new Date(now).toISOString(),
        scheduledPurgeDate: new Date(now + vault.properties.softDeleteRetentionInDays * 86400_000).toISOString(),
    };
    delete ctx.world.vaults[lower(vault.id)];
}

export function requireVault(ctx: EmulatorContext, sub: string, rg: string, name: string): Vault {
    requireGroup(ctx.world, sub, rg);
    const vault = ctx.world.vaults[lower(providerId(sub, rg, VAULT_TYPE, name))];
    if (!vault) throw resourceNotFound(VAULT_TYPE, name, rg);
    return vault;
}
