import { unlessNotFound } from '../azure/azureErrors';
import { deleteRoleAssignment } from '../azure/roleAssignments';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { addKeyPermissions, missingKeyPermissions, removeKeyPermissions } from './accessPolicies';
import type { GrantRecord } from './GrantRecord';
import { assignRoleAtVault, hasRoleWithDataActions } from './roleAssignments';
import {
    cryptoOfficerRoleId,
    cryptoServiceEncryptionUserRoleId,
    encryptionDataActions,
    encryptionKeyPermissions,
    keyManagementDataActions,
    keyManagementKeyPermissions,
} from './roles';
import type { VaultInfo } from './VaultInfo';

/**
 * Whether a principal (a managed identity's principal id) can use the vault's keys for encryption: an access
 * policy with get + wrapKey + unwrapKey, or on an RBAC vault a role at vault scope or above granting those data actions.
 */
export async function hasEncryptionAccess(factory: AzureClientFactory, vault: VaultInfo, principalId: string): Promise<boolean> {
    if (vault.enableRbacAuthorization) {
        return hasRoleWithDataActions(factory, vault, principalId, encryptionDataActions);
    }
    return missingKeyPermissions(vault, principalId, encryptionKeyPermissions).length === 0;
}

/**
 * Grants exactly what encryption needs and nothing broader: the missing ones of get/wrapKey/unwrapKey, or
 * "Key Vault Crypto Service Encryption User" at vault scope. Returns `{kind:'none'}` when access is already there.
 */
export async function grantEncryptionAccess(factory: AzureClientFactory, vault: VaultInfo, principalId: string): Promise<GrantRecord> {
    if (vault.enableRbacAuthorization) {
        if (await hasRoleWithDataActions(factory, vault, principalId, encryptionDataActions)) {
            return { kind: 'none' };
        }
        // Managed identities are service principals; saying so lets ARM skip the directory lookup a fresh identity may not pass yet.
        return assignRoleAtVault(factory, vault, principalId, cryptoServiceEncryptionUserRoleId, 'ServicePrincipal');
    }
    return addKeyPermissions(factory, vault, principalId, encryptionKeyPermissions);
}

/**
 * Key-management rights for the signed-in user (create/get/list/update keys, or "Key Vault Crypto Officer" on
 * RBAC vaults). Flows call it only on vaults they created themselves.
 */
export async function grantKeyManagement(factory: AzureClientFactory, vault: VaultInfo, callerObjectId: string): Promise<GrantRecord> {
    if (vault.enableRbacAuthorization) {
        if (await hasRoleWithDataActions(factory, vault, callerObjectId, keyManagementDataActions)) {
            return { kind: 'none' };
        }
        return assignRoleAtVault(factory, vault, callerObjectId, cryptoOfficerRoleId);
    }
    return addKeyPermissions(factory, vault, callerObjectId, keyManagementKeyPermissions);
}

/** Undoes exactly one grant record (a missing role assignment counts as removed). */
export async function removeGrant(factory: AzureClientFactory, vault: VaultInfo, grant: GrantRecord): Promise<void> {
    if (grant.kind === 'accessPolicy') {
        await removeKeyPermissions(factory, vault, grant.objectId, grant.permissions);
    } else if (grant.kind === 'roleAssignment') {
        await unlessNotFound(deleteRoleAssignment(factory, vault.subscriptionId, grant.id));
    }
}
