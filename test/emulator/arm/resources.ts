import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResponse, TrackedResource } from '../types';
import { badRequest } from '../errors';
import { lower } from '../ids';
import { requireGroup } from '../store';
import { pageOf } from '../paging';
import { requireSubscription } from './subscriptions';
import { armBase, route, rx, SUB, RG, ok, type Route } from './route';
import { IDENTITY_TYPE } from './identities';
import { VAULT_TYPE } from './vaultLifecycle';
import { REGISTRY_TYPE } from './registryModel';
import { identityJson } from './registryIdentity';

function everything(ctx: EmulatorContext): { type: string; r: TrackedResource; extra: Record<string, unknown> }[] {
    const w = ctx.world;
    return [
        ...Object.values(w.identities).map((r) => ({ type: IDENTITY_TYPE, r, extra: {} })),
        ...Object.values(w.vaults).map((r) => ({ type: VAULT_TYPE, r, extra: {} })),
        ...Object.values(w.registries).map((r) => ({
            type: REGISTRY_TYPE,
            r,
            extra: { sku: { name: r.sku, tier: r.sku }, ...(r.identity ? { identity: identityJson(r.identity) } : {}) },
        })),
    ];
}

/** Supports what the tools send: `resourceType eq '…'`, `name eq '…'`, `resourceGroup eq '…'`, joined by `and`. */
function matcher(filter: string): (type: string, r: TrackedResource) => boolean {
    const clauses = filter ? filter.split(/\s+and\s+/i) : [];
    const tests = clauses.map((clause) => {
        const m = /^\s*(resourceType|name|resourceGroup)\s+eq\s+'([^']*)'\s*$/i.exec(clause);
        if (!m) throw badRequest('InvalidFilterInQueryString', `Invalid $filter '${filter}' specified in the query string.`);
        const [, field, value] = m as unknown as [string, string, string];
        return (type: string, r: TrackedResource): boolean =>
            lower(value) === lower(field.toLowerCase() === 'resourcetype' ? type : field.toLowerCase() === 'name' ? r.name : r.resourceGroup);
    });
    return (type, r) => tests.every((t) => t(type, r));
}

/**
 * Resource Manager's list shows the resource provider's `systemData` with its times in `Z` form (recorded for
 * registries at api-version 2021-04-01, test_acr_identity); the 2015-11-01 list answers none (test_keyvault_mgmt).
 */
function systemDataOf(r: TrackedResource, apiVersion: string | undefined): { systemData?: Record<string, unknown> } {
    const systemData = (r as { systemData?: Record<string, unknown> }).systemData;
    if (!systemData || !apiVersion || apiVersion < '2021-04-01') return {};
    return { systemData: Object.fromEntries(Object.entries(systemData).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/\+00:00$/, 'Z') : v])) };
}

function listResources(ctx: EmulatorContext, req: ArmRequest, scope: string): ArmResponse {
    const matches = matcher(req.query['$filter'] ?? '');
    const items = everything(ctx)
        .filter(({ type, r }) => lower(r.id).startsWith(lower(scope) + '/') && matches(type, r))
        .map(({ type, r, extra }) => ({
            id: r.id,
            name: r.name,
            type,
            location: r.location,
            tags: r.tags,
            ...extra,
            ...systemDataOf(r, req.query['api-version']),
        }));
    return ok(pageOf(items, req.query, `${armBase(ctx)}${req.path}`, '$top', 1000));
}

export const resourceRoutes: Route[] = [
    route('GET', rx(`${SUB}/resources`), (ctx, req, p) => {
        requireSubscription(ctx, p.sub!);
        return listResources(ctx, req, `/subscriptions/${p.sub}`);
    }),
    route('GET', rx(`${RG}/resources`), (ctx, req, p) => listResources(ctx, req, requireGroup(ctx.world, p.sub!, p.rg!).id)),
];
