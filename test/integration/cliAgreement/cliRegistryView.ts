// What the stock Azure CLI shows about a registry and a vault: the read side of the agreement checks.
import type { VaultInfo } from '../../../src/domain/access/VaultInfo';
import { parseResourceId } from '../../../src/domain/util/resourceId';
import type { AzEncryption, AzSession } from './azSession';

/** What `az acr identity show` prints (null for a registry without any identity). */
export interface AzRegistryIdentity {
    type: string;
    principalId?: string | null;
    userAssignedIdentities?: Record<string, { clientId: string; principalId: string }> | null;
}

/** The parts of `az keyvault show` the checks read. */
export interface AzVault {
    properties: {
        accessPolicies: { objectId: string; permissions: { keys?: string[] | null } }[];
        networkAcls?: { bypass?: string; defaultAction?: string } | null;
    };
}

export interface CliRegistryView {
    readonly encryption: AzEncryption;
    readonly identity: AzRegistryIdentity | null;
}

/** `az acr encryption show` and `az acr identity show`, run side by side (each az start costs about a second of CPU). */
export async function readRegistryViaCli(cli: AzSession, registryId: string): Promise<CliRegistryView> {
    const [encryption, identity] = await Promise.all([readEncryptionViaCli(cli, registryId), readIdentityViaCli(cli, registryId)]);
    return { encryption, identity };
}

export function readEncryptionViaCli(cli: AzSession, registryId: string): Promise<AzEncryption> {
    const { subscriptionId, resourceGroup, name } = parseResourceId(registryId);
    return cli.encryptionShow(name, resourceGroup, subscriptionId);
}

export function readIdentityViaCli(cli: AzSession, registryId: string): Promise<AzRegistryIdentity | null> {
    const { subscriptionId, resourceGroup, name } = parseResourceId(registryId);
    return cli.az<AzRegistryIdentity | null>('acr', 'identity', 'show', '-n', name, '-g', resourceGroup, '--subscription', subscriptionId);
}

export function readVaultViaCli(cli: AzSession, vault: Pick<VaultInfo, 'name' | 'resourceGroup' | 'subscriptionId'>): Promise<AzVault> {
    return cli.az<AzVault>('keyvault', 'show', '-n', vault.name, '-g', vault.resourceGroup, '--subscription', vault.subscriptionId);
}

/** Key permissions (lower case, sorted) of one object id's access policy as the CLI lists it. */
export function keyPermissionsOf(vault: AzVault, objectId: string): string[] {
    const policy = vault.properties.accessPolicies.find((p) => p.objectId.toLowerCase() === objectId.toLowerCase());
    return (policy?.permissions.keys ?? []).map((k) => k.toLowerCase()).sort();
}

/** The key's rotation policy read by the CLI itself. Debian's az 2.45 cannot run `az keyvault key rotation-policy show`
 *  (its packaging lacks `azure.keyvault.key_vault_id`), so this is the same GET through `az rest` with the CLI's vault token. */
export function readRotationPolicyViaCli(cli: AzSession, keyVaultAudience: string, vaultUri: string, keyName: string): Promise<AzRotationPolicy> {
    const url = `${vaultUri.replace(/\/?$/, '/')}keys/${keyName}/rotationpolicy?api-version=7.4`;
    return cli.az<AzRotationPolicy>('rest', '--method', 'get', '--url', url, '--resource', keyVaultAudience);
}

/** Key Vault's rotation policy wire format (what `az keyvault key rotation-policy show` would print, camel-cased). */
export interface AzRotationPolicy {
    lifetimeActions: { trigger: { timeAfterCreate?: string; timeBeforeExpiry?: string }; action: { type: string } }[];
    attributes?: { expiryTime?: string };
}

/** One role assignment as ARM lists it. */
export interface AzRoleAssignment {
    properties: { principalId: string; roleDefinitionId: string; scope: string };
}

/** Role assignments at a scope, through `az rest` on ARM: Debian's az 2.45 `az role assignment list` crashes in its packaging
 *  (`'RoleDefinitionsOperations' object has no attribute 'config'`). */
export async function readRoleAssignmentsViaCli(cli: AzSession, armEndpoint: string, scope: string): Promise<AzRoleAssignment[]> {
    const url = `${armEndpoint.replace(/\/?$/, '')}${scope}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`;
    return (await cli.az<{ value: AzRoleAssignment[] }>('rest', '--method', 'get', '--url', url)).value;
}
