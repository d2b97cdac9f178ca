import type { EmulatorContext } from '../context';
import { lower } from '../ids';
import { audienceFor } from './audience';

/** What a user's client asked for: one resource (the access token's audience) plus the OpenID Connect extras. */
export interface RequestedAccess {
    /** the resource as the client named it (becomes `aud`, as for service principals) */
    resource: string;
    /** the resource scopes as requested, echoed in the token response's `scope` */
    resourceScopes: string[];
    openid: boolean;
    profile: boolean;
    email: boolean;
    offlineAccess: boolean;
}
export interface ScopeError {
    error: string;
    aadsts: number;
    description: string;
}

const OIDC = new Set(['openid', 'profile', 'email', 'offline_access']);
const norm = (s: string): string => lower(s).replace(/\/+$/, '');

/** `https://management.localhost//.default` → `https://management.localhost/`; a bare name (`User.Read`) is a Graph scope, as in Entra. */
const resourceOf = (ctx: EmulatorContext, scope: string): string => (scope.includes('://') ? scope.slice(0, scope.lastIndexOf('/')) : ctx.env.graphEndpoint);

/**
 * Entra's rules for delegated requests: scopes of one resource only (AADSTS28000); a resource the tenant does not
 * know is AADSTS500011; only OpenID scopes means a Graph token (User.Read). A v1 `resource` parameter stands for `<resource>/.default`.
 */
export function parseUserScopes(ctx: EmulatorContext, scopeText: string | null, resourceParam?: string | null): RequestedAccess | ScopeError {
    const scopes = (scopeText ?? '').split(/\s+/).filter(Boolean);
    const has = (s: string): boolean => scopes.some((x) => lower(x) === s);
    let resourceScopes = scopes.filter((s) => !OIDC.has(lower(s)));
    if (resourceParam) resourceScopes = [`${resourceParam.replace(/\/+$/, '')}/.default`];
    const resources = [...new Map(resourceScopes.map((s) => [norm(resourceOf(ctx, s)), resourceParam ?? resourceOf(ctx, s)])).values()];
    if (resources.length > 1) {
        return {
            error: 'invalid_scope',
            aadsts: 28000,
            description: `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scopes.join(' ')} is not valid.`,
        };
    }
    const resource = resources[0] ?? ctx.env.graphEndpoint;
    if (!audienceFor(ctx, resource)) {
        return {
            error: 'invalid_resource',
            aadsts: 500011,
            description: `The resource principal named ${resource} was not found in the tenant named ${ctx.world.tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
        };
    }
    return {
        resource,
        resourceScopes: resourceScopes.length > 0 ? resourceScopes : ['User.Read'],
        openid: has('openid'),
        profile: has('profile'),
        email: has('email'),
        offlineAccess: has('offline_access'),
    };
}

export const isScopeError = (x: RequestedAccess | ScopeError): x is ScopeError => 'error' in x;
