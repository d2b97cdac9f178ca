import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResourceBody, ResourceGroup } from '../types';
import { badRequest, groupNotFound } from '../errors';
import { groupId, inScopeOf, lower } from '../ids';
import { findGroup } from '../store';
import { requireSubscription } from './subscriptions';
import { route, rx, SUB, RG, listOf, ok, type Route } from './route';
import { startOperation } from './operations';
import { softDeleteVault } from './vaultLifecycle';

const groupJson = (g: ResourceGroup): unknown => ({
    id: g.id,
    name: g.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: g.location,
    tags: g.tags,
    properties: { provisioningState: 'Succeeded' },
});

function putGroup(ctx: EmulatorContext, req: ArmRequest, sub: string, rg: string): ReturnType<Route['handle']> {
    const body = req.body as ArmResourceBody | undefined;
    requireSubscription(ctx, sub);
    if (!/^[-\w._()]{1,90}$/.test(rg) || rg.endsWith('.')) {
        throw badRequest(
            'InvalidResourceGroup',
            `The provided resource group name '${rg}' has these invalid characters: '${rg}'. The name can only be a letter, digit, '-', '.', '_', '(', and ')'.`,
        );
    }
    const location = body?.location;
    if (typeof location !== 'string' || !location) throw badRequest('LocationRequired', 'The location property is required for this definition.');
    const existing = findGroup(ctx.world, sub, rg);
    if (existing) {
        if (lower(existing.location) !== lower(location)) {
            throw badRequest(
                'InvalidResourceGroupLocation',
                `Invalid resource group location '${location}'. The Resource group already exists in location '${existing.location}' in resource group '${existing.name}'. A resource group cannot be moved to a different location.`,
            );
        }
        existing.tags = body?.tags ?? existing.tags;
        return ok(groupJson(existing));
    }
    const group: ResourceGroup = { id: groupId(sub, rg), name: rg, subscriptionId: sub, location, tags: body?.tags ?? {} };
    ctx.world.groups[lower(group.id)] = group;
    return ok(groupJson(group), 201);
}

/** Deleting a group deletes what is in it (vaults go to the soft-deleted state, as in Azure). */
function deleteGroup(ctx: EmulatorContext, req: ArmRequest, sub: string, rg: string): ReturnType<Route['handle']> {
    const group = findGroup(ctx.world, sub, rg);
    if (!group) throw groupNotFound(rg);
    const w = ctx.world;
    for (const map of [w.identities, w.registries] as Record<string, { id: string }>[]) {
        for (const [key, r] of Object.entries(map)) if (inScopeOf(r.id, group.id)) delete map[key];
    }
    for (const vault of Object.values(w.vaults)) if (inScopeOf(vault.id, group.id)) softDeleteVault(ctx, vault);
    for (const [key, a] of Object.entries(w.roleAssignments)) if (inScopeOf(a.scope, group.id)) delete w.roleAssignments[key];
    delete w.groups[lower(group.id)];
    const { headers } = startOperation(
        ctx,
        { subscriptionId: sub, location: group.location, resourceId: group.id, kind: 'delete' },
        'Microsoft.Resources',
        req.query['api-version']!,
    );
    return { status: 202, headers: { location: headers.location!, 'retry-after': '1' } };
}

export const groupRoutes: Route[] = [
    route('GET', rx(`${SUB}/resourcegroups`), (ctx, _req, p) => {
        requireSubscription(ctx, p.sub!);
        return listOf(
            Object.values(ctx.world.groups)
                .filter((g) => lower(g.subscriptionId) === lower(p.sub!))
                .map(groupJson),
        );
    }),
    route('PUT', rx(RG), (ctx, req, p) => putGroup(ctx, req, p.sub!, p.rg!)),
    route(['GET', 'HEAD'], rx(RG), (ctx, req, p) => {
        requireSubscription(ctx, p.sub!);
        const g = findGroup(ctx.world, p.sub!, p.rg!);
        if (!g) throw groupNotFound(p.rg!);
        return req.method === 'HEAD' ? { status: 204 } : ok(groupJson(g));
    }),
    route('PATCH', rx(RG), (ctx, req, p) => {
        const g = findGroup(ctx.world, p.sub!, p.rg!);
        if (!g) throw groupNotFound(p.rg!);
        const tags = (req.body as ArmResourceBody | undefined)?.tags;
        if (tags) g.tags = tags;
        return ok(groupJson(g));
    }),
    route('DELETE', rx(RG), (ctx, req, p) => deleteGroup(ctx, req, p.sub!, p.rg!)),
];
