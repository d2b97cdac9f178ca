import { roleAssignmentsAt } from '../azure/roleAssignments';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { GrantRecord } from './GrantRecord';
import { cryptoServiceEncryptionUserRoleId, encryptionKeyPermissions, roleDefinitionGuid } from './roles';
import type { VaultInfo } from './VaultInfo';

/**
 * The grants that give a principal encryption access to one vault, as records `removeGrant` can undo: the
 * get/wrapKey/unwrapKey it holds in its access policy, or its "Key Vault Crypto Service Encryption User"
 * assignments made at exactly the vault's scope (broader assignments are not the flow's to remove).
 */
export async function findEncryptionGrants(factory: AzureClientFactory, vault: VaultInfo, principalId: string): Promise<GrantRecord[]> {
    if (!vault.enableRbacAuthorization) {
        const held = vault.accessPolicies
            .filter((policy) => policy.objectId.toLowerCase() === principalId.toLowerCase())
            .flatMap((policy) => policy.keys.map((permission) => permission.toLowerCase()));
        const permissions = encryptionKeyPermissions.filter((permission) => held.includes(permission.toLowerCase()));
        return permissions.length > 0 ? [{ kind: 'accessPolicy', objectId: principalId, permissions }] : [];
    }
    const grants: GrantRecord[] = [];
    for await (const assignment of roleAssignmentsAt(factory, vault.subscriptionId, vault.id, principalId)) {
        const atVault = (assignment.scope ?? '').toLowerCase().replace(/\/+$/, '') === vault.id.toLowerCase();
        if (
            atVault &&
            assignment.id &&
            assignment.roleDefinitionId &&
            assignment.principalId?.toLowerCase() === principalId.toLowerCase() &&
            roleDefinitionGuid(assignment.roleDefinitionId) === cryptoServiceEncryptionUserRoleId
        ) {
            grants.push({ kind: 'roleAssignment', id: assignment.id, roleDefinitionId: assignment.roleDefinitionId, principalId, scope: vault.id });
        }
    }
    return grants;
}
