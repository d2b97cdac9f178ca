import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResourceBody, ArmResponse, TrackedResource } from '../types';
import { badRequest, resourceNotFound } from '../errors';
import { dotnetTime, lower, providerId } from '../ids';
import { requireGroup } from '../store';
import { requireSubscription } from './subscriptions';
import { armBase, route, rx, SUB, RG, listOf, ok, type Route } from './route';

// Log Analytics workspaces (Microsoft.OperationalInsights/workspaces): what diagnostic settings send logs to.
// Shape from the Azure CLI's recording `test_monitor_diagnostic_settings_workspace.yaml` (workspace create: 201 with
// provisioningState Creating and a Location header, then GET Succeeded) and the REST spec's Workspace model.

export const WORKSPACE_TYPE = 'Microsoft.OperationalInsights/workspaces';

export interface Workspace extends TrackedResource {
    /** the workspace id of the Log Analytics query API (a GUID), not the resource id */
    customerId: string;
    sku: string;
    retentionInDays: number;
    createdDate: string;
    modifiedDate: string;
    lastSkuUpdate: string;
}

const workspacesOf = (ctx: EmulatorContext): Record<string, Workspace> => (ctx.world.workspaces ??= {});
export const findWorkspace = (ctx: EmulatorContext, id: string): Workspace | undefined => workspacesOf(ctx)[lower(id.replace(/\/+$/, ''))];

/** The daily cap resets at a fixed hour each day (04:00 UTC in the recording). */
function nextQuotaReset(now: Date): string {
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 4));
    if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
    return next.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function workspaceJson(ctx: EmulatorContext, w: Workspace, provisioningState = 'Succeeded'): unknown {
    return {
        properties: {
            customerId: w.customerId,
            provisioningState,
            sku: { name: w.sku, lastSkuUpdate: w.lastSkuUpdate },
            retentionInDays: w.retentionInDays,
            features: { legacy: 0, searchVersion: 1, enableLogAccessUsingOnlyResourcePermissions: true },
            workspaceCapping: { dailyQuotaGb: -1.0, quotaNextResetTime: nextQuotaReset(ctx.clock.date()), dataIngestionStatus: 'RespectQuota' },
            publicNetworkAccessForIngestion: 'Enabled',
            publicNetworkAccessForQuery: 'Enabled',
            createdDate: w.createdDate,
            modifiedDate: w.modifiedDate,
        },
        location: w.location,
        ...(Object.keys(w.tags).length ? { tags: w.tags } : {}),
        id: w.id,
        name: w.name,
        type: WORKSPACE_TYPE,
    };
}

/** A new workspace as the service makes it (also used by the seed). */
export function newWorkspace(sub: string, rg: string, name: string, location: string, at: Date, customerId: string = randomUUID()): Workspace {
    const now = dotnetTime('Z', at);
    return {
        id: providerId(sub, rg, WORKSPACE_TYPE, name),
        name,
        subscriptionId: sub,
        resourceGroup: rg,
        location,
        tags: {},
        customerId,
        sku: 'PerGB2018',
        retentionInDays: 30,
        createdDate: now,
        modifiedDate: now,
        lastSkuUpdate: now,
    };
}

function putWorkspace(ctx: EmulatorContext, req: ArmRequest, sub: string, rg: string, name: string): ArmResponse {
    const group = requireGroup(ctx.world, sub, rg);
    // Log Analytics: 4–63 letters, digits and hyphens, starting and ending with a letter or digit (the code is not recorded).
    if (!/^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/.test(name)) throw badRequest('InvalidParameter', `Workspace name '${name}' is invalid.`);
    const body = req.body as ArmResourceBody<{ sku?: { name?: string }; retentionInDays?: unknown }> | undefined;
    const props = body?.properties ?? {};
    const existing = findWorkspace(ctx, providerId(sub, group.name, WORKSPACE_TYPE, name));
    const at = dotnetTime('Z', ctx.clock.date());
    if (existing) {
        if (props.sku?.name && props.sku.name !== existing.sku) {
            existing.sku = props.sku.name;
            existing.lastSkuUpdate = at;
        }
        if (typeof props.retentionInDays === 'number') existing.retentionInDays = props.retentionInDays;
        if (body?.tags) existing.tags = body.tags;
        existing.modifiedDate = at;
        return ok(workspaceJson(ctx, existing));
    }
    const location = body?.location;
    if (typeof location !== 'string' || !location) throw badRequest('LocationRequired', 'The location property is required for this definition.');
    const workspace = newWorkspace(sub, group.name, name, location, ctx.clock.date());
    if (props.sku?.name) workspace.sku = props.sku.name;
    if (typeof props.retentionInDays === 'number') workspace.retentionInDays = props.retentionInDays;
    workspace.tags = body?.tags ?? {};
    workspacesOf(ctx)[lower(workspace.id)] = workspace;
    // The create answer still says Creating; the Location header is the workspace itself, whose GET says Succeeded.
    return {
        status: 201,
        body: workspaceJson(ctx, workspace, 'Creating'),
        headers: { location: `${armBase(ctx)}${workspace.id}?api-version=${req.query['api-version']}` },
    };
}

const WORKSPACES = `${RG}/providers/Microsoft\\.OperationalInsights/workspaces`;
export const workspaceRoutes: Route[] = [
    route('GET', rx(`${SUB}/providers/Microsoft\\.OperationalInsights/workspaces`), (ctx, _req, p) => {
        requireSubscription(ctx, p.sub!);
        return listOf(
            Object.values(workspacesOf(ctx))
                .filter((w) => lower(w.subscriptionId) === lower(p.sub!))
                .map((w) => workspaceJson(ctx, w)),
        );
    }),
    route('GET', rx(WORKSPACES), (ctx, _req, p) => {
        const group = requireGroup(ctx.world, p.sub!, p.rg!);
        return listOf(
            Object.values(workspacesOf(ctx))
                .filter((w) => lower(w.id).startsWith(lower(group.id) + '/'))
                .map((w) => workspaceJson(ctx, w)),
        );
    }),
    route('PUT', rx(`${WORKSPACES}/(?<name>[^/]+)`), (ctx, req, p) => putWorkspace(ctx, req, p.sub!, p.rg!, p.name!)),
    route('GET', rx(`${WORKSPACES}/(?<name>[^/]+)`), (ctx, _req, p) => {
        requireGroup(ctx.world, p.sub!, p.rg!);
        const workspace = findWorkspace(ctx, providerId(p.sub!, p.rg!, WORKSPACE_TYPE, p.name!));
        if (!workspace) throw resourceNotFound(WORKSPACE_TYPE, p.name!, p.rg);
        return ok(workspaceJson(ctx, workspace));
    }),
    route('DELETE', rx(`${WORKSPACES}/(?<name>[^/]+)`), (ctx, _req, p) => {
        requireGroup(ctx.world, p.sub!, p.rg!);
        const key = lower(providerId(p.sub!, p.rg!, WORKSPACE_TYPE, p.name!));
        if (!workspacesOf(ctx)[key]) return { status: 204 };
        // Diagnostic settings keep naming a deleted workspace, as in Azure (they are not cleaned up with their destination).
        delete workspacesOf(ctx)[key];
        return { status: 200 };
    }),
];
