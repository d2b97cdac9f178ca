import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResponse, Principal } from '../types';
import { ArmError, badRequest } from '../errors';
import { route, rx, type Route } from './route';
import { queryResources } from '../graph/resourceGraph';
import { subscriptionRoutes, requireSubscription } from './subscriptions';
import { groupRoutes } from './groups';
import { identityRoutes } from './identities';
import { vaultRoutes } from './vaults';
import { vaultKeyRoutes } from './vaultKeys';
import { roleRoutes } from './roleAssignments';
import { registryRoutes } from './registries';
import { resourceRoutes } from './resources';
import { operationRoutes } from './operations';
import { deploymentRoutes, useDispatcher } from './deployments';
import { diagnosticSettingRoutes } from './diagnosticSettings';
import { workspaceRoutes } from './workspaces';

// Azure Resource Graph reads every resource through this router (its index is the resources' own GET JSON).
const resourceGraphRoutes: Route[] = [
    route('POST', rx('^/providers/Microsoft\\.ResourceGraph/resources'), (ctx, req) =>
        queryResources(ctx, req, (get) => dispatchArm(ctx, { ...get, body: undefined })),
    ),
];

// Authorization routes first: their scope may itself be any resource path.
const ROUTES: Route[] = [
    ...resourceGraphRoutes,
    ...roleRoutes,
    ...operationRoutes,
    ...deploymentRoutes,
    ...registryRoutes,
    ...vaultRoutes,
    ...vaultKeyRoutes,
    ...identityRoutes,
    ...diagnosticSettingRoutes,
    ...workspaceRoutes,
    ...resourceRoutes,
    ...groupRoutes,
    ...subscriptionRoutes,
];

const API_VERSION = /^\d{4}-\d{2}-\d{2}(-(preview|beta|alpha|privatepreview))?$/i;

/** Runs one ARM request through the normal routes (no HTTP). Errors come back as Azure error responses. */
export async function dispatchArm(ctx: EmulatorContext, req: ArmRequest): Promise<ArmResponse> {
    try {
        const apiVersion = req.query['api-version'];
        if (!apiVersion) throw badRequest('MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
        if (!API_VERSION.test(apiVersion)) {
            throw badRequest(
                'InvalidApiVersionParameter',
                `The api-version '${apiVersion}' is invalid. The supported versions are in the form YYYY-MM-DD[-preview].`,
            );
        }
        const path = req.path.replace(/\/+$/, '') || '/';
        const sub = /^\/subscriptions\/([^/]+)\/./i.exec(path)?.[1];
        let methodMismatch = false;
        for (const r of ROUTES) {
            const m = r.pattern.exec(path);
            if (!m) continue;
            if (!r.methods.includes(req.method)) {
                methodMismatch = true;
                continue;
            }
            if (sub && !/\/providers\/Microsoft\.Authorization\//i.test(path)) requireSubscription(ctx, sub);
            return await r.handle(ctx, { ...req, path }, { ...(m.groups ?? {}) });
        }
        if (methodMismatch) throw new ArmError(405, 'MethodNotAllowed', `The requested method ${req.method} is not allowed for ${path}.`);
        throw new ArmError(404, 'InvalidResourceType', `The resource type could not be found for path '${path}' (not emulated).`);
    } catch (e) {
        if (e instanceof ArmError) return e.toResponse();
        throw e;
    }
}

export interface InternalRequest {
    method: string;
    path: string;
    query?: Record<string, string>;
    body?: unknown;
    principal: Principal;
    lroFail?: boolean;
}

/** For the deployments engine: an ARM request as `principal`, through the same router, without HTTP. */
export function dispatchInternal(ctx: EmulatorContext, req: InternalRequest): Promise<ArmResponse> {
    return dispatchArm(ctx, {
        method: req.method.toUpperCase(),
        path: req.path,
        query: req.query ?? {},
        body: req.body,
        principal: req.principal,
        lroFail: req.lroFail,
    });
}

useDispatcher(dispatchInternal);
