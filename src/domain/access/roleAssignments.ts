import { createHash } from 'node:crypto';
import { createRoleAssignment, readRoleDefinition, roleAssignmentsAt } from '../azure/roleAssignments';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { GrantRecord } from './GrantRecord';
import { permits } from './callerPermissions';
import { cryptoOfficerRoleId, cryptoServiceEncryptionUserRoleId, encryptionDataActions, roleDefinitionGuid, roleDefinitionResourceId } from './roles';
import type { VaultInfo } from './VaultInfo';

// Built-in roles known to grant keys read + wrap + unwrap (and, for the officer/admin, create/update): no lookup needed.
const knownDataActions: Record<string, readonly string[]> = {
    [cryptoServiceEncryptionUserRoleId]: encryptionDataActions,
    [cryptoOfficerRoleId]: ['Microsoft.KeyVault/vaults/keys/*', 'Microsoft.KeyVault/vaults/keyrotationpolicies/*'],
    '00482a5a-887f-4fb3-b363-3b7fe8e74483': ['Microsoft.KeyVault/vaults/*'],
};

/** The principal's own role assignments that reach the vault (made at its scope or above), and whether at its scope. */
export async function* vaultRoleAssignments(
    factory: AzureClientFactory,
    vault: VaultInfo,
    principalId: string,
): AsyncIterable<{ readonly id?: string; readonly roleDefinitionId: string; readonly atVault: boolean }> {
    const vaultScope = vault.id.toLowerCase();
    for await (const assignment of roleAssignmentsAt(factory, vault.subscriptionId, vault.id, principalId)) {
        const scope = (assignment.scope ?? '').toLowerCase().replace(/\/+$/, '');
        const atOrAbove = scope === '' || vaultScope === scope || vaultScope.startsWith(`${scope}/`);
        if (atOrAbove && assignment.principalId?.toLowerCase() === principalId.toLowerCase() && assignment.roleDefinitionId) {
            yield { id: assignment.id, roleDefinitionId: assignment.roleDefinitionId, atVault: scope === vaultScope };
        }
    }
}

/** Whether `principalId` holds, at the vault's scope or above, a role granting every wanted data action. */
export async function hasRoleWithDataActions(factory: AzureClientFactory, vault: VaultInfo, principalId: string, wanted: readonly string[]): Promise<boolean> {
    for await (const { roleDefinitionId } of vaultRoleAssignments(factory, vault, principalId)) {
        const known = knownDataActions[roleDefinitionGuid(roleDefinitionId)];
        // A role's data actions and their exclusions match like actions do (Azure RBAC's wildcards).
        const entries = known
            ? [{ actions: known }]
            : ((await readRoleDefinition(factory, vault.subscriptionId, roleDefinitionId)).permissions ?? []).map((permission) => ({
                  actions: permission.dataActions,
                  notActions: permission.notDataActions,
              }));
        if (wanted.every((action) => permits(entries, action))) {
            return true;
        }
    }
    return false;
}

/**
 * Assigns one built-in role at vault scope. The assignment name is derived from (scope, principal, role) like
 * ARM templates' `guid()`, so a retry after a lost response re-sends the same idempotent PUT instead of a duplicate.
 */
export async function assignRoleAtVault(
    factory: AzureClientFactory,
    vault: VaultInfo,
    principalId: string,
    roleId: string,
    principalType?: 'ServicePrincipal' | 'User',
): Promise<GrantRecord> {
    const roleDefinitionId = roleDefinitionResourceId(vault.subscriptionId, roleId);
    const name = deterministicGuid(`${vault.id.toLowerCase()}|${principalId.toLowerCase()}|${roleId}`);
    const created = await createRoleAssignment(factory, vault.subscriptionId, vault.id, name, {
        roleDefinitionId,
        principalId,
        ...(principalType ? { principalType } : {}),
    });
    return {
        kind: 'roleAssignment',
        id: created.id ?? `${vault.id}/providers/Microsoft.Authorization/roleAssignments/${name}`,
        roleDefinitionId: created.roleDefinitionId ?? roleDefinitionId,
        principalId,
        scope: vault.id,
    };
}

export function deterministicGuid(seed: string): string {
    const hex = createHash('sha256').update(seed).digest('hex');
    // Shape of a version-5 style UUID so ARM's GUID validation accepts it.
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
