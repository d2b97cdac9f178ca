import type { Principal, SystemData } from '../types';

/** Who Resource Manager records for a caller: a user by sign-in name, an application by its client id. */
const actor = (p: Principal): { by: string; type: string } => (p.upn ? { by: p.upn, type: 'User' } : { by: p.appId || p.objectId, type: 'Application' });

/**
 * `systemData` after a write by `principal` at `at` (in the service's own time format): a create sets both halves,
 * a change keeps the creation half.
 */
export function writtenBy(principal: Principal, at: string, previous?: Partial<SystemData>): SystemData {
    const { by, type } = actor(principal);
    return {
        createdBy: previous?.createdBy ?? by,
        createdByType: previous?.createdByType ?? type,
        createdAt: previous?.createdAt ?? at,
        lastModifiedBy: by,
        lastModifiedByType: type,
        lastModifiedAt: at,
    };
}
