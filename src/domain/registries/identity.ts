import type { IdentityProperties } from '@azure/arm-containerregistry';
import { resourceNameFromId } from '../util/resourceId';

/** Which identity a CMK registry uses to reach its key, resolved against the identities assigned to the registry. */
export type EncryptionIdentity =
    | { readonly kind: 'system'; readonly principalId?: string }
    | { readonly kind: 'user'; readonly resourceId: string; readonly name: string; readonly clientId: string; readonly principalId?: string }
    /** The client id matches no assigned identity: the registry cannot reach its key. */
    | { readonly kind: 'unassigned'; readonly clientId: string }
    /** A principal id was stored where a client id belongs (a known Azure CLI pitfall). */
    | { readonly kind: 'principalIdUsed'; readonly principalId: string; readonly resourceId: string; readonly name: string };

// ARM returns identity types in varying case (`userAssigned`, `UserAssigned`).
export function hasIdentityType(identity: IdentityProperties | undefined, wanted: 'SystemAssigned' | 'UserAssigned'): boolean {
    const parts = (identity?.type ?? '').split(',').map((part) => part.trim().toLowerCase());
    return parts.includes(wanted.toLowerCase());
}

export function resolveEncryptionIdentity(identityValue: string | undefined, identity: IdentityProperties | undefined): EncryptionIdentity | undefined {
    if (!identityValue) {
        return undefined;
    }
    if (identityValue.toLowerCase() === 'system') {
        return { kind: 'system', principalId: hasIdentityType(identity, 'SystemAssigned') ? identity?.principalId : undefined };
    }
    const wanted = identityValue.toLowerCase();
    const assigned = Object.entries(identity?.userAssignedIdentities ?? {});
    const byClientId = assigned.find(([, value]) => value.clientId?.toLowerCase() === wanted);
    if (byClientId) {
        const [resourceId, value] = byClientId;
        return { kind: 'user', resourceId, name: resourceNameFromId(resourceId), clientId: value.clientId ?? identityValue, principalId: value.principalId };
    }
    const byPrincipalId = assigned.find(([, value]) => value.principalId?.toLowerCase() === wanted);
    if (byPrincipalId) {
        return { kind: 'principalIdUsed', principalId: identityValue, resourceId: byPrincipalId[0], name: resourceNameFromId(byPrincipalId[0]) };
    }
    return { kind: 'unassigned', clientId: identityValue };
}
