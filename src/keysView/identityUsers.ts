import type { KeyUser } from '../domain/fleet/keysInUse';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';

/**
 * The identity a registry's encryption reaches its key with, as the fleet is searched for it: a user-assigned identity
 * by its resource id (and client id, which is all a registry keeps once the identity was removed from it), a client id
 * alone (the identity is no longer assigned, so its resource is unknown), or a system-assigned identity, which belongs to
 * its registry alone.
 */
export type IdentityInUse =
    | { readonly kind: 'user'; readonly resourceId: string; readonly name: string; readonly clientId?: string }
    | { readonly kind: 'clientId'; readonly clientId: string }
    | { readonly kind: 'system'; readonly registryId: string; readonly registryName: string };

/** The identity of a CMK registry's encryption; undefined when it has none (or no customer-managed key). */
export function identityInUse(registry: RegistrySummary): IdentityInUse | undefined {
    const { encryption } = registry;
    if (encryption.status !== 'enabled') {
        return undefined;
    }
    switch (encryption.identity?.kind) {
        case 'system':
            return { kind: 'system', registryId: registry.id, registryName: registry.name };
        case 'user':
            return { kind: 'user', resourceId: encryption.identity.resourceId, name: encryption.identity.name, clientId: encryption.identity.clientId };
        case 'principalIdUsed':
            return { kind: 'user', resourceId: encryption.identity.resourceId, name: encryption.identity.name };
        case 'unassigned':
            return { kind: 'clientId', clientId: encryption.identity.clientId };
        default:
            return undefined;
    }
}

// Azure returns ids and client ids in varying case (`resourcegroups`): always compared case-insensitively.
const same = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && a.toLowerCase() === b.toLowerCase();

function uses(registry: RegistrySummary, wanted: IdentityInUse): boolean {
    const identity = registry.encryption.status === 'enabled' ? registry.encryption.identity : undefined;
    switch (wanted.kind) {
        case 'system':
            return identity?.kind === 'system' && same(registry.id, wanted.registryId);
        case 'user':
            return (
                ((identity?.kind === 'user' || identity?.kind === 'principalIdUsed') && same(identity.resourceId, wanted.resourceId)) ||
                ((identity?.kind === 'user' || identity?.kind === 'unassigned') && same(identity.clientId, wanted.clientId))
            );
        case 'clientId':
            return (identity?.kind === 'user' || identity?.kind === 'unassigned') && same(identity.clientId, wanted.clientId);
    }
}

/**
 * Every registry of the fleet whose encryption uses the identity, with the key it reaches, sorted by name. `fresher`
 * (what a view shows of a registry right now) replaces the fleet's reading of the same registry, which may lag.
 */
export function registriesUsingIdentity(fleet: readonly RegistrySummary[], wanted: IdentityInUse, fresher: readonly RegistrySummary[] = []): KeyUser[] {
    const byId = new Map(fleet.map((registry) => [registry.id.toLowerCase(), registry]));
    for (const registry of fresher) {
        byId.set(registry.id.toLowerCase(), registry);
    }
    return [...byId.values()]
        .filter((registry) => uses(registry, wanted))
        .flatMap((registry) => (registry.encryption.status === 'enabled' ? [{ registry, encryption: registry.encryption }] : []))
        .sort((a, b) => a.registry.name.localeCompare(b.registry.name));
}
