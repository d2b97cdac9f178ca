import type { GrantRecord } from '../access/GrantRecord';

/** A journal step name for one grant (removed by Revoke, put back by Restore): the same grant always gets the same name. */
export function grantStepName(action: 'removeGrant' | 'regrant', grant: GrantRecord): string {
    const which = grant.kind === 'roleAssignment' ? grant.id : grant.kind === 'accessPolicy' ? grant.objectId : 'none';
    return `${action}:${which.toLowerCase()}`;
}
