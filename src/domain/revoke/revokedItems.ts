import type { GrantRecord } from '../access/GrantRecord';
import { roleDefinitionGuid } from '../access/roles';

/** A plain, id-based list of what a record holds, one item each, for error messages and summaries (the UI joins them). */
export function describeRevokedItems(record: { readonly removedGrants: readonly GrantRecord[]; readonly disabledVersions: readonly string[] }): string[] {
    return [
        ...record.removedGrants.map(describeGrant),
        ...record.disabledVersions.map((version) => `key version ${version}`),
    ].filter((item) => item.length > 0);
}

export function describeGrant(grant: GrantRecord): string {
    switch (grant.kind) {
        case 'accessPolicy': return `access policy ${grant.permissions.join('/')} (${grant.objectId})`;
        case 'roleAssignment': return `role ${roleDefinitionGuid(grant.roleDefinitionId)} (${grant.principalId})`;
        default: return '';
    }
}
