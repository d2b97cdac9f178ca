import type { World, ResourceGroup, Vault, UserAssignedIdentity, Registry } from './types';
import { groupNotFound } from './errors';
import { groupId, lower } from './ids';

export function emptyWorld(tenantId: string): World {
    return {
        tenantId,
        principals: {},
        subscriptions: {},
        groups: {},
        identities: {},
        vaults: {},
        deletedVaults: {},
        roleAssignments: {},
        registries: {},
        operations: {},
        deployments: {},
        keyMaterial: {},
    };
}

export function findGroup(world: World, sub: string, rg: string): ResourceGroup | undefined {
    return world.groups[lower(groupId(sub, rg))];
}

/** The group, or ARM's ResourceGroupNotFound. */
export function requireGroup(world: World, sub: string, rg: string): ResourceGroup {
    const group = findGroup(world, sub, rg);
    if (!group) throw groupNotFound(rg);
    return group;
}

export function findVaultByName(world: World, name: string): Vault | undefined {
    const wanted = lower(name);
    for (const vault of Object.values(world.vaults)) if (lower(vault.name) === wanted) return vault;
    return undefined;
}

export const findIdentity = (world: World, id: string): UserAssignedIdentity | undefined => world.identities[lower(id)];
export const findRegistry = (world: World, id: string): Registry | undefined => world.registries[lower(id)];

export function findRegistryByName(world: World, name: string): Registry | undefined {
    const wanted = lower(name);
    for (const registry of Object.values(world.registries)) if (lower(registry.name) === wanted) return registry;
    return undefined;
}

/**
 * What kind of directory object an object id is, as Entra ID would answer a lookup: a user of the tenant, a service
 * principal (app registrations, managed identities, registries' system identities); undefined for an unknown id.
 */
export function directoryObjectType(world: World, objectId: string): 'User' | 'ServicePrincipal' | undefined {
    const id = lower(objectId);
    if (Object.values(world.users ?? {}).some((u) => lower(u.objectId) === id)) return 'User';
    if (Object.values(world.principals).some((p) => lower(p.objectId) === id)) return 'ServicePrincipal';
    if (Object.values(world.identities).some((i) => lower(i.principalId) === id)) return 'ServicePrincipal';
    if (Object.values(world.registries).some((r) => r.identity?.principalId !== undefined && lower(r.identity.principalId) === id)) return 'ServicePrincipal';
    return undefined;
}

/** Every principal id (object id) that exists in the tenant: users, service principals and managed identities. */
export const principalExists = (world: World, objectId: string): boolean => directoryObjectType(world, objectId) !== undefined;

export { inScopeOf as inScope } from './ids';
