import { addKeyPermissions } from '../access/accessPolicies';
import type { GrantRecord } from '../access/GrantRecord';
import type { VaultInfo } from '../access/VaultInfo';
import { createRoleAssignment } from '../azure/roleAssignments';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { resourceNameFromId } from '../util/resourceId';

/**
 * Puts one remembered grant back as it was: the same key permissions for the same object id, or the role
 * assignment under its former name (same scope, role and principal), so the vault ends up exactly as before.
 */
export async function regrant(factory: AzureClientFactory, vault: VaultInfo, grant: GrantRecord): Promise<void> {
    if (grant.kind === 'accessPolicy') {
        await addKeyPermissions(factory, vault, grant.objectId, grant.permissions);
    } else if (grant.kind === 'roleAssignment') {
        try {
            await createRoleAssignment(factory, vault.subscriptionId, grant.scope, resourceNameFromId(grant.id), {
                roleDefinitionId: grant.roleDefinitionId,
                principalId: grant.principalId,
                principalType: 'ServicePrincipal',
            });
        } catch (error) {
            // Already back (restored elsewhere, or a retry after a lost response): nothing to do.
            if ((error as { code?: string }).code !== 'RoleAssignmentExists') {
                throw error;
            }
        }
    }
}
