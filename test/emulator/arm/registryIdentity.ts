import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { RegistryIdentity } from '../types';
import { badRequest } from '../errors';
import { lower, lowerGroupSegment } from '../ids';
import { findIdentity } from '../store';

const TYPES = ['systemassigned', 'userassigned', 'none'];

/** A registry write's `identity` as the client sends it (unchecked JSON; `null` entries remove a user-assigned identity). */
export interface RegistryIdentityRequest {
    type?: unknown;
    userAssignedIdentities?: Record<string, unknown> | null;
}

/** The registry identity after a PUT (replace) or PATCH (merge; `null` entries remove a user-assigned identity). */
export function nextRegistryIdentity(
    ctx: EmulatorContext,
    current: RegistryIdentity | undefined,
    requested: RegistryIdentityRequest | null | undefined,
    isPatch: boolean,
): RegistryIdentity | undefined {
    if (requested === undefined || requested === null) return isPatch ? current : undefined;
    const kinds = String(requested.type ?? '')
        .split(',')
        .map((t) => lower(t.trim()))
        .filter(Boolean);
    if (kinds.length === 0 || kinds.some((k) => !TYPES.includes(k)) || (kinds.includes('none') && kinds.length > 1)) {
        throw badRequest(
            'InvalidIdentityType',
            `The identity type '${requested.type}' is not valid. Allowed: SystemAssigned, UserAssigned, 'SystemAssigned, UserAssigned', None.`,
        );
    }
    if (kinds.includes('none')) return { type: 'None' };
    const system = kinds.includes('systemassigned');
    const user = kinds.includes('userassigned');
    let map: Record<string, { principalId: string; clientId: string }> | undefined;
    if (user) {
        map = isPatch || requested.userAssignedIdentities === undefined ? { ...(current?.userAssignedIdentities ?? {}) } : {};
        for (const [id, value] of Object.entries(requested.userAssignedIdentities ?? {})) {
            const existingKey = Object.keys(map).find((k) => lower(k) === lower(id));
            if (value === null) {
                if (existingKey) delete map[existingKey];
                continue;
            }
            if (existingKey && !findIdentity(ctx.world, id)) continue; // kept as assigned even though the identity is gone
            const identity = findIdentity(ctx.world, id);
            if (!identity) {
                throw badRequest(
                    'FailedIdentityOperation',
                    `Identity operation for resource failed with error 'Failed to perform resource identity operation. Status: 'NotFound'. Response: 'Resource '${id}' does not exist or one of its queried reference-property objects are not present.''`,
                );
            }
            if (existingKey) delete map[existingKey];
            map[identity.id] = { principalId: identity.principalId, clientId: identity.clientId };
        }
        if (Object.keys(map).length === 0) {
            throw badRequest('BadRequest', "The identity type includes 'UserAssigned' but no userAssignedIdentities were provided.");
        }
    }
    const keepSystem = current?.principalId && current.type.toLowerCase().includes('systemassigned');
    return {
        type: system && user ? 'SystemAssigned, UserAssigned' : system ? 'SystemAssigned' : 'UserAssigned',
        ...(system ? { principalId: keepSystem ? current!.principalId : randomUUID(), tenantId: ctx.world.tenantId } : {}),
        ...(map ? { userAssignedIdentities: map } : {}),
    };
}

export const hasSystemIdentity = (identity: RegistryIdentity | undefined): boolean =>
    !!identity?.principalId && lower(identity.type).includes('systemassigned');

/** ACR answers identity types in camel case (`userAssigned`, `systemAssigned, userAssigned`), whatever was sent. */
const camelType = (type: string): string =>
    type
        .split(',')
        .map((t) => t.trim())
        .map((t) => (t === 'None' ? t : t.charAt(0).toLowerCase() + t.slice(1)))
        .join(', ');

export function identityJson(identity: RegistryIdentity | undefined): unknown {
    if (!identity) return undefined;
    const users = identity.userAssignedIdentities;
    return {
        type: camelType(identity.type),
        ...(identity.principalId ? { principalId: identity.principalId, tenantId: identity.tenantId } : {}),
        // and keys the user-assigned identities by ids with `resourcegroups` in lower case
        ...(users ? { userAssignedIdentities: Object.fromEntries(Object.entries(users).map(([id, v]) => [lowerGroupSegment(id), v])) } : {}),
    };
}
