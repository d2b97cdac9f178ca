import type { EmulatorContext } from '../context';
import type { HttpExchange, HttpReply } from '../http';
import type { ArmRequest } from '../types';
import { findRole, actionMatches } from '../arm/roleDefinitions';
import { subscriptionRoutes } from '../arm/subscriptions';
import { inScopeOf, lower } from '../ids';

/** What an ARM request needs: the RBAC action (`Microsoft.KeyVault/vaults/write`) at a scope (the resource path). */
export function requiredAction(method: string, path: string): { action: string; scope: string } {
    const segments = path.split('/').filter(Boolean);
    let namespace = 'Microsoft.Resources';
    let types: string[] = [];
    let scopeEnd = 0;
    for (let i = 0; i < segments.length;) {
        if (lower(segments[i]!) === 'providers' && i + 1 < segments.length) {
            namespace = segments[i + 1]!;
            types = [];
            i += 2;
            continue;
        }
        types.push(segments[i]!);
        if (i + 1 >= segments.length) break; // a collection, or a POST action's name
        i += 2;
        scopeEnd = i;
    }
    const last = lower(segments[segments.length - 1] ?? '');
    const verb =
        method === 'GET' || method === 'HEAD'
            ? 'read'
            : method === 'DELETE'
              ? 'delete'
              : method === 'POST'
                ? last === 'checknameavailability'
                    ? 'read'
                    : 'action'
                : 'write';
    return { action: `${namespace}/${types.join('/')}/${verb}`, scope: `/${segments.slice(0, Math.max(scopeEnd, 2)).join('/')}` };
}

function allowed(ctx: EmulatorContext, objectId: string, action: string, scope: string): boolean {
    return Object.values(ctx.world.roleAssignments).some(
        (a) =>
            lower(a.principalId) === lower(objectId) &&
            inScopeOf(scope, a.scope) &&
            (findRole(a.roleDefinitionId)?.actions.some((p) => actionMatches(p, action)) ?? false),
    );
}

const subscriptionOf = (path: string): string | undefined => /^\/subscriptions\/([^/]+)/i.exec(path)?.[1];

/**
 * Resource Manager's RBAC for a signed-in user (a delegated token): role assignments by the user's object id, like any
 * principal's. Lists of subscriptions show the ones the user can read; anything else without a matching role is 403
 * AuthorizationFailed. Undefined: go on to the normal router.
 */
export function authorizeUserArmRequest(ctx: EmulatorContext, ex: HttpExchange, objectId: string, upn: string): HttpReply | undefined {
    const path = ex.path.replace(/\/+$/, '') || '/';
    if (/^\/subscriptions$/i.test(path) && ex.method === 'GET' && ex.query['api-version']) return visibleSubscriptions(ctx, ex, objectId);
    const sub = subscriptionOf(path);
    if (!sub || !ctx.world.subscriptions[lower(sub)]) return undefined; // tenants, providers, or SubscriptionNotFound from the router
    // Anyone may ask what they themselves may do (the permissions list is the caller's own).
    if (ex.method === 'GET' && /\/providers\/Microsoft\.Authorization\/permissions$/i.test(path)) return undefined;
    const { action, scope } = requiredAction(ex.method, path);
    if (allowed(ctx, objectId, action, scope)) return undefined;
    return {
        status: 403,
        body: {
            error: {
                code: 'AuthorizationFailed',
                message: `The client '${upn}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
            },
        },
    };
}

function visibleSubscriptions(ctx: EmulatorContext, ex: HttpExchange, objectId: string): HttpReply {
    const list = subscriptionRoutes.find((r) => r.methods.includes('GET') && r.pattern.test('/subscriptions'))!;
    const request: ArmRequest = {
        method: 'GET',
        path: '/subscriptions',
        query: ex.query,
        body: undefined,
        principal: { objectId, appId: '', tenantId: ctx.world.tenantId },
    };
    // The router's own list (its shape stays in one place); that route answers synchronously.
    const all = list.handle(ctx, request, {}) as { status: number; body: { value: { subscriptionId: string }[] } };
    const value = all.body.value.filter((s) => allowed(ctx, objectId, 'Microsoft.Resources/subscriptions/read', `/subscriptions/${s.subscriptionId}`));
    return { status: 200, body: { ...all.body, value } };
}
