import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { heldKeyPermissions } from './accessPolicies';
import type { GrantRecord } from './GrantRecord';
import { vaultRoleAssignments } from './roleAssignments';
import { cryptoServiceEncryptionUserRoleId, encryptionKeyPermissions, roleDefinitionGuid } from './roles';
import type { VaultInfo } from './VaultInfo';

/**
 * The grants that give a principal encryption access to one vault, as records `removeGrant` can undo: the
 * get/wrapKey/unwrapKey it holds in its access policy, or its "Key Vault Crypto Service Encryption User"
 * assignments made at exactly the vault's scope (broader assignments are not the flow's to remove).
 */
export async function findEncryptionGrants(factory: AzureClientFactory, vault: VaultInfo, principalId: string): Promise<GrantRecord[]> {
    if (!vault.enableRbacAuthorization) {
        const held = heldKeyPermissions(vault, principalId);
        const permissions = encryptionKeyPermissions.filter((permission) => held.includes(permission.toLowerCase()));
        return permissions.length > 0 ? [{ kind: 'accessPolicy', objectId: principalId, permissions }] : [];
    }
    const grants: GrantRecord[] = [];
    for await (const { id, roleDefinitionId, atVault } of vaultRoleAssignments(factory, vault, principalId)) {
        if (atVault && id && roleDefinitionGuid(roleDefinitionId) === cryptoServiceEncryptionUserRoleId) {
            grants.push({ kind: 'roleAssignment', id, roleDefinitionId, principalId, scope: vault.id });
        }
    }
    return grants;
}
