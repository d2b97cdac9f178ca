import type { IdentityProperties, RegistryUpdateParameters, ResourceIdentityType } from '@azure/arm-containerregistry';
import { updateRegistry, type OnOperationAccepted } from '../azure/registries';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { getRegistry } from '../registries/getRegistry';
import { hasIdentityType } from '../registries/identity';
import { toRegistrySummary, type RegistrySummary } from '../registries/RegistryEncryption';

/**
 * One PATCH of a registry, waiting for its long-running operation; returns the registry as the operation left it. Bodies stay minimal (only what changes):
 * full-body updates of CMK registries have been seen to fail with BadRequest. The modular client drops every
 * undefined property, so what is built here is exactly what is sent.
 */
export async function patchRegistry(
    factory: AzureClientFactory,
    registry: Pick<RegistrySummary, 'id' | 'subscriptionId' | 'resourceGroup' | 'name'>,
    body: RegistryUpdateParameters,
    onAccepted?: OnOperationAccepted,
): Promise<RegistrySummary> {
    const updated = await updateRegistry(factory, registry, body, onAccepted);
    // The poller ends with a GET of the registry and returns it: reading it again would repeat that request. Only an
    // answer without the resource (not what ARM sends for a registry PATCH) costs a GET of our own.
    return updated?.id ? toRegistrySummary(updated, factory.cloud) : getRegistry(factory, registry.id);
}

function identityType(system: boolean, user: boolean): ResourceIdentityType {
    return system && user ? 'SystemAssigned, UserAssigned' : system ? 'SystemAssigned' : 'UserAssigned';
}

/** The user-assigned identities already on the registry, as the `{id: {}}` map a PATCH keeps them with. */
function keptUserIdentities(identity: IdentityProperties | undefined): Record<string, Record<string, never>> {
    return Object.fromEntries(Object.keys(identity?.userAssignedIdentities ?? {}).map((id) => [id, {}]));
}

/** Adds one user-assigned identity, keeping the system identity and the other user-assigned ones. */
export function assignUserIdentityBody(current: IdentityProperties | undefined, identityId: string): RegistryUpdateParameters {
    return {
        identity: {
            type: identityType(hasIdentityType(current, 'SystemAssigned'), true),
            userAssignedIdentities: { ...keptUserIdentities(current), [identityId]: {} },
        },
    };
}

/** Turns on the system-assigned identity, keeping every user-assigned identity. */
export function enableSystemIdentityBody(current: IdentityProperties | undefined): RegistryUpdateParameters {
    const users = keptUserIdentities(current);
    const hasUsers = Object.keys(users).length > 0;
    return { identity: { type: identityType(true, hasUsers), ...(hasUsers ? { userAssignedIdentities: users } : {}) } };
}

/** The switch itself: `keyVaultProperties` only (key id + identity), nothing else of the registry. */
export function switchEncryptionBody(keyIdentifier: string, identity: string): RegistryUpdateParameters {
    return { encryption: { keyVaultProperties: { keyIdentifier, identity } } };
}

/**
 * Puts the registry's identities back as they were before a run: an identity the run assigned is removed (`null`),
 * a system identity it turned on is turned off, every other identity is kept.
 */
export function restoreIdentityBody(before: IdentityProperties | undefined, now: IdentityProperties | undefined): RegistryUpdateParameters {
    const kept = keptUserIdentities(before);
    const added = Object.keys(now?.userAssignedIdentities ?? {}).filter((id) => !Object.keys(kept).some((known) => known.toLowerCase() === id.toLowerCase()));
    const system = hasIdentityType(before, 'SystemAssigned');
    const users = Object.keys(kept).length > 0;
    const type: ResourceIdentityType = system || users ? identityType(system, users) : 'None';
    const userAssignedIdentities = { ...kept, ...Object.fromEntries(added.map((id) => [id, null])) } as unknown as Record<string, Record<string, never>>;
    return { identity: { type, ...(Object.keys(userAssignedIdentities).length > 0 ? { userAssignedIdentities } : {}) } };
}
