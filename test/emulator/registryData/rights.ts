import type { EmulatorContext } from '../context';
import type { Registry } from '../types';
import { inScopeOf, lower } from '../ids';
import { actionMatches, findRole } from '../arm/roleDefinitions';

export type RegistryRight = 'pull' | 'push' | 'delete';

// ACR authorizes data access by Resource Manager actions on the registry (container-registry-roles): Owner and
// Contributor (`*`) everything, Reader (`*/read`) pull, AcrPush pull + push, AcrPull pull, AcrDelete delete.
const RIGHT_ACTIONS: [RegistryRight, string][] = [
    ['pull', 'Microsoft.ContainerRegistry/registries/pull/read'],
    ['push', 'Microsoft.ContainerRegistry/registries/push/write'],
    ['delete', 'Microsoft.ContainerRegistry/registries/artifacts/delete'],
];

/**
 * What a principal may do with a registry's data, from its Azure rights: the roles assigned to its object id at the
 * registry or above. The tenant's application service principals manage everything in the emulator (no
 * management-plane RBAC for app tokens, see README "Rules"), so they get every right here too.
 */
export function registryRights(ctx: EmulatorContext, registry: Registry, objectId: string): Set<RegistryRight> {
    const id = lower(objectId);
    if (Object.values(ctx.world.principals).some((p) => lower(p.objectId) === id)) return new Set(RIGHT_ACTIONS.map(([right]) => right));
    const rights = new Set<RegistryRight>();
    for (const assignment of Object.values(ctx.world.roleAssignments)) {
        if (lower(assignment.principalId) !== id || !inScopeOf(registry.id, assignment.scope)) continue;
        const actions = findRole(assignment.roleDefinitionId)?.actions ?? [];
        for (const [right, action] of RIGHT_ACTIONS) if (actions.some((pattern) => actionMatches(pattern, action))) rights.add(right);
    }
    return rights;
}
