import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResourceBody, UserAssignedIdentity } from '../types';
import { badRequest, resourceNotFound } from '../errors';
import { lower, lowerGroupSegment, providerId } from '../ids';
import { requireGroup } from '../store';
import { requireSubscription } from './subscriptions';
import { route, rx, SUB, RG, listOf, ok, type Route } from './route';

export const IDENTITY_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities';

// The managed identity service writes ids with `resourcegroups` in lower case (recorded).
export const identityJson = (i: UserAssignedIdentity): unknown => ({
    id: lowerGroupSegment(i.id),
    name: i.name,
    type: IDENTITY_TYPE,
    location: i.location,
    tags: i.tags,
    properties: { tenantId: i.tenantId, principalId: i.principalId, clientId: i.clientId, isolationScope: 'None' },
});

/**
 * A create answered at an api-version before 2021-09-30-preview also names the identity's credentials endpoint
 * (Azure CLI test_acr_identity, 2018-11-30); later creates and every read leave it out (test_acr_encryption_with_cmk).
 */
function createdIdentityJson(i: UserAssignedIdentity, apiVersion: string | undefined): unknown {
    const json = identityJson(i) as { properties: Record<string, unknown> };
    if (!apiVersion || apiVersion >= '2021-09-30') return json;
    const clientSecretUrl = `https://control-${lower(i.location).replace(/\s+/g, '')}.identity.azure.net${lowerGroupSegment(i.id)}/credentials?tid=${i.tenantId}&oid=${i.principalId}&aid=${i.clientId}`;
    return { ...json, properties: { ...json.properties, clientSecretUrl } };
}

function putIdentity(ctx: EmulatorContext, req: ArmRequest, sub: string, rg: string, name: string): ReturnType<Route['handle']> {
    const body = req.body as ArmResourceBody | undefined;
    const group = requireGroup(ctx.world, sub, rg);
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$/.test(name)) {
        throw badRequest(
            'InvalidResourceName',
            `Resource name ${name} is invalid. The name can be between 3 and 128 characters long and can contain only letters, numbers, hyphens and underscores, starting with a letter or number.`,
        );
    }
    const location = body?.location;
    if (typeof location !== 'string' || !location) throw badRequest('LocationRequired', 'The location property is required for this definition.');
    const id = providerId(sub, group.name, IDENTITY_TYPE, name);
    const existing = ctx.world.identities[lower(id)];
    if (existing) {
        existing.tags = body?.tags ?? existing.tags;
        return ok(identityJson(existing));
    }
    const identity: UserAssignedIdentity = {
        id,
        name,
        subscriptionId: sub,
        resourceGroup: group.name,
        location,
        tags: body?.tags ?? {},
        principalId: randomUUID(),
        clientId: randomUUID(),
        tenantId: ctx.world.tenantId,
    };
    ctx.world.identities[lower(id)] = identity;
    return { status: 201, body: createdIdentityJson(identity, req.query['api-version']), headers: { location: lowerGroupSegment(identity.id) } };
}

const IDENTITY = `${RG}/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities`;
export const identityRoutes: Route[] = [
    route('GET', rx(`${SUB}/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities`), (ctx, _req, p) => {
        requireSubscription(ctx, p.sub!);
        return listOf(
            Object.values(ctx.world.identities)
                .filter((i) => lower(i.subscriptionId) === lower(p.sub!))
                .map(identityJson),
        );
    }),
    route('GET', rx(IDENTITY), (ctx, _req, p) => {
        const group = requireGroup(ctx.world, p.sub!, p.rg!);
        return listOf(
            Object.values(ctx.world.identities)
                .filter((i) => lower(i.id).startsWith(lower(group.id) + '/'))
                .map(identityJson),
        );
    }),
    route('PUT', rx(`${IDENTITY}/(?<name>[^/]+)`), (ctx, req, p) => putIdentity(ctx, req, p.sub!, p.rg!, p.name!)),
    route(['GET', 'PATCH'], rx(`${IDENTITY}/(?<name>[^/]+)`), (ctx, req, p) => {
        requireGroup(ctx.world, p.sub!, p.rg!);
        const identity = ctx.world.identities[lower(providerId(p.sub!, p.rg!, IDENTITY_TYPE, p.name!))];
        if (!identity) throw resourceNotFound(IDENTITY_TYPE, p.name!, p.rg);
        const tags = (req.body as ArmResourceBody | undefined)?.tags;
        if (req.method === 'PATCH' && tags) identity.tags = tags;
        return ok(identityJson(identity));
    }),
    route('DELETE', rx(`${IDENTITY}/(?<name>[^/]+)`), (ctx, _req, p) => {
        requireGroup(ctx.world, p.sub!, p.rg!);
        const key = lower(providerId(p.sub!, p.rg!, IDENTITY_TYPE, p.name!));
        if (!ctx.world.identities[key]) return { status: 204 };
        // Registries keep the identity in their identity list: as in Azure they simply lose what it gave them.
        delete ctx.world.identities[key];
        return { status: 200 };
    }),
];
