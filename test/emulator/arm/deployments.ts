import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResponse, Deployment, Principal } from '../types';
import { badRequest, notFound } from '../errors';
import { lower } from '../ids';
import { requireGroup } from '../store';
import { armBase, listOf, ok, route, rx, RG, type Route } from './route';
import { completeOperation } from './operations';
import {
    runDeployment,
    validateDeployment,
    DeploymentError,
    isoDuration,
    type DeploymentOperationRecord,
    type ErrorBody,
    type TemplateParameterValues,
} from '../deployments';

type DeploymentDispatch = (req: {
    method: string;
    path: string;
    query?: Record<string, string>;
    body?: unknown;
}) => Promise<{ status: number; body: unknown; headers?: Record<string, string> }>;
/** What the engine calls: the normal ARM router as the deploying principal; long-running operations are waited for. */
type Dispatch = (
    ctx: EmulatorContext,
    req: { method: string; path: string; query?: Record<string, string>; body?: unknown; principal: Principal },
) => Promise<ArmResponse>;
let dispatchInternal: Dispatch | undefined;
/** dispatch.ts hands its dispatcher over here (it imports this module's routes, so this module cannot import it). */
export const useDispatcher = (dispatch: Dispatch): void => {
    dispatchInternal = dispatch;
};

function dispatcherFor(ctx: EmulatorContext, principal: Principal): DeploymentDispatch {
    return async (req) => {
        if (!dispatchInternal) throw new Error('dispatcher not registered');
        const query = { 'api-version': '2023-01-01', ...(req.query ?? {}) };
        const res = await dispatchInternal(ctx, { method: req.method, path: req.path, query, body: req.body, principal });
        const opUrl = res.headers?.['azure-asyncoperation'] ?? res.headers?.location;
        const opId = opUrl ? /\/operation(?:Statuse|Result)s\/([^/?]+)/.exec(opUrl)?.[1] : undefined;
        const op = opId ? ctx.world.operations[opId] : undefined;
        if (!op) return { status: res.status, body: res.body, headers: res.headers }; // e.g. a nested deployment's own operationStatuses
        completeOperation(ctx, op);
        if (op.status === 'Failed') return { status: 500, body: { error: op.error } };
        if (req.method.toUpperCase() === 'DELETE') return { status: 200, body: undefined };
        const after = await dispatchInternal(ctx, { method: 'GET', path: req.path, query, principal });
        return { status: after.status === 200 ? 200 : after.status, body: after.body };
    };
}

const deploymentJson = (d: Deployment): unknown => ({
    id: d.id,
    name: d.name,
    type: 'Microsoft.Resources/deployments',
    properties: {
        provisioningState: d.provisioningState,
        timestamp: d.timestamp,
        mode: d.mode,
        parameters: d.parameters,
        correlationId: d.operationId,
        outputs: d.outputs ?? {},
        outputResources: d.outputResources ?? [],
        ...(d.error ? { error: d.error } : {}),
    },
});

/** A deployment's PUT or validate body, `properties` as validateTemplate leaves them (the template an object; the rest unchecked). */
interface DeploymentRequest {
    template: { resources?: unknown };
    parameters?: TemplateParameterValues;
    mode?: string;
}

function validateTemplate(body: unknown): DeploymentRequest {
    const properties = (body as { properties?: Partial<DeploymentRequest> } | undefined)?.properties;
    const template = properties?.template;
    if (!template || typeof template !== 'object') {
        throw badRequest(
            'InvalidTemplate',
            'Deployment template is missing: properties.template must be a template object (templateLink is not supported by the emulator).',
        );
    }
    if (template.resources !== undefined && typeof template.resources !== 'object') {
        throw badRequest('InvalidTemplate', "Deployment template validation failed: 'resources' must be an array or object.");
    }
    return { ...properties, template };
}

/** ARM's `DeploymentOperation`: the recorded operation under the deployment's id; a running one's duration so far. */
const operationJson = (d: Deployment, op: DeploymentOperationRecord): unknown => ({
    id: `${d.id}/operations/${op.operationId}`,
    operationId: op.operationId,
    properties:
        op.properties.provisioningState === 'Running'
            ? { ...op.properties, duration: isoDuration(Date.now() - Date.parse(op.properties.timestamp)) }
            : op.properties,
});

/** The error a failed deployment reports: DeploymentFailed names the deployment as its target, as ARM does. */
function deploymentError(d: Deployment, e: unknown): ErrorBody {
    if (!(e instanceof DeploymentError)) return { code: 'InternalServerError', message: e instanceof Error ? e.message : String(e) };
    const { code, message, details } = e.toJSON();
    return code === 'DeploymentFailed' ? { code, target: d.id, message, ...(details ? { details } : {}) } : e.toJSON();
}

async function runInBackground(ctx: EmulatorContext, d: Deployment, principal: Principal, location: string): Promise<void> {
    try {
        const result = await runDeployment(
            {
                dispatch: dispatcherFor(ctx, principal),
                subscriptionId: d.subscriptionId,
                resourceGroup: d.resourceGroup,
                location,
                tenantId: ctx.world.tenantId,
                operations: (d.operations ??= []),
            },
            d.template,
            d.parameters as Record<string, { value: unknown }>,
        );
        d.outputs = Object.fromEntries(
            Object.entries(result.outputs ?? {}).map(([k, v]) => [
                k,
                v && typeof v === 'object' && 'value' in v ? v : { type: typeof v === 'string' ? 'String' : 'Object', value: v },
            ]),
        );
        d.outputResources = result.outputResources ?? [];
        d.provisioningState = 'Succeeded';
    } catch (e) {
        d.provisioningState = 'Failed';
        d.error = deploymentError(d, e);
    }
    d.timestamp = ctx.clock.iso();
    ctx.changed();
}

function putDeployment(ctx: EmulatorContext, req: ArmRequest, p: Record<string, string>): ArmResponse {
    const group = requireGroup(ctx.world, p.sub!, p.rg!);
    const request = validateTemplate(req.body);
    const id = `${group.id}/providers/Microsoft.Resources/deployments/${p.name}`;
    const d: Deployment = {
        id,
        name: p.name!,
        subscriptionId: p.sub!,
        resourceGroup: group.name,
        provisioningState: 'Running',
        timestamp: ctx.clock.iso(),
        template: request.template,
        parameters: request.parameters ?? {},
        operationId: randomUUID(),
        mode: request.mode ?? 'Incremental',
        operations: [],
    };
    ctx.world.deployments[lower(id)] = d;
    void runInBackground(ctx, d, req.principal, group.location);
    const status = `${armBase(ctx)}${id}/operationStatuses/${d.operationId}?api-version=${encodeURIComponent(req.query['api-version']!)}`;
    return { status: 201, body: deploymentJson(d), headers: { 'azure-asyncoperation': status, 'retry-after': '1' } };
}

function find(ctx: EmulatorContext, p: Record<string, string>): Deployment {
    const group = requireGroup(ctx.world, p.sub!, p.rg!);
    const d = ctx.world.deployments[lower(`${group.id}/providers/Microsoft.Resources/deployments/${p.name}`)];
    if (!d) throw notFound('DeploymentNotFound', `Deployment '${p.name}' could not be found.`);
    return d;
}

const DEPLOYMENTS = `${RG}/providers/Microsoft\\.Resources/deployments`;
// Deployment operations: the REST spec's path has no `/providers/Microsoft.Resources` (DeploymentOperations_List); the
// deployment's own id form (what an operation's id and `.../{scope}/providers/...` clients use) is accepted as well.
const OPERATIONS = `${RG}(?:/providers/Microsoft\\.Resources)?/deployments/(?<name>[^/]+)/operations`;
export const deploymentRoutes: Route[] = [
    route('GET', rx(DEPLOYMENTS), (ctx, _req, p) => {
        const g = requireGroup(ctx.world, p.sub!, p.rg!);
        return listOf(
            Object.values(ctx.world.deployments)
                .filter((d) => lower(d.id).startsWith(lower(g.id) + '/'))
                .map(deploymentJson),
        );
    }),
    route('PUT', rx(`${DEPLOYMENTS}/(?<name>[^/]+)`), putDeployment),
    route('GET', rx(`${DEPLOYMENTS}/(?<name>[^/]+)`), (ctx, _req, p) => ok(deploymentJson(find(ctx, p)))),
    route('DELETE', rx(`${DEPLOYMENTS}/(?<name>[^/]+)`), (ctx, _req, p) => {
        const d = find(ctx, p);
        delete ctx.world.deployments[lower(d.id)];
        return { status: 204 };
    }),
    route('POST', rx(`${DEPLOYMENTS}/(?<name>[^/]+)/validate`), async (ctx, req, p) => {
        const group = requireGroup(ctx.world, p.sub!, p.rg!);
        const request = validateTemplate(req.body);
        try {
            const { validatedResources } = await validateDeployment(
                {
                    dispatch: dispatcherFor(ctx, req.principal),
                    subscriptionId: p.sub!,
                    resourceGroup: group.name,
                    location: group.location,
                    tenantId: ctx.world.tenantId,
                },
                request.template,
                request.parameters ?? {},
            );
            return ok({
                id: `/subscriptions/${p.sub}/resourceGroups/${p.rg}/providers/Microsoft.Resources/deployments/${p.name}`,
                name: p.name,
                properties: {
                    provisioningState: 'Succeeded',
                    mode: request.mode ?? 'Incremental',
                    parameters: request.parameters ?? {},
                    validatedResources,
                },
            });
        } catch (e) {
            if (e instanceof DeploymentError) return { status: 400, body: { error: e.toJSON() } }; // a template error: ARM answers 400 InvalidTemplate
            throw e;
        }
    }),
    route('GET', rx(OPERATIONS), (ctx, _req, p) => {
        const d = find(ctx, p);
        return listOf((d.operations ?? []).map((op) => operationJson(d, op)));
    }),
    route('GET', rx(`${OPERATIONS}/(?<op>[^/]+)`), (ctx, _req, p) => {
        const d = find(ctx, p);
        const op = (d.operations ?? []).find((o) => lower(o.operationId) === lower(p.op!));
        if (!op) throw notFound('DeploymentOperationNotFound', `Deployment operation '${p.op}' could not be found.`);
        return ok(operationJson(d, op));
    }),
    route('GET', rx(`${DEPLOYMENTS}/(?<name>[^/]+)/operationStatuses/(?<op>[^/]+)`), (ctx, _req, p) => {
        const d = find(ctx, p);
        return ok({ status: d.provisioningState === 'Running' ? 'Running' : d.provisioningState, ...(d.error ? { error: d.error } : {}) });
    }),
];
