import type { EmulatorContext } from './context';
import type { HttpExchange, HttpReply } from './http';
import type { TenantUser } from './types';
import { authenticateArm } from './auth/validate';
import { tenantUsers, userByObjectId } from './auth/users';
import { lower } from './ids';

/** A user as Graph v1.0 answers one by default (`$select` is not honoured: the default properties always). */
function userJson(user: TenantUser): Record<string, unknown> {
    const [givenName, ...rest] = user.displayName.split(' ');
    return {
        businessPhones: [],
        displayName: user.displayName,
        givenName: givenName ?? null,
        jobTitle: null,
        mail: null,
        mobilePhone: null,
        officeLocation: null,
        preferredLanguage: null,
        surname: rest.length ? rest.join(' ') : null,
        userPrincipalName: user.upn,
        id: user.objectId,
    };
}

const notFound = (what: string): HttpReply => ({
    status: 404,
    body: {
        error: {
            code: 'Request_ResourceNotFound',
            message: `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`,
        },
    },
});

/** `GET /users?$filter=…`: the equality filters clients send (`userPrincipalName eq '…'`, the Azure CLI's lookup by UPN; `id`, `mail`). */
function listUsers(ctx: EmulatorContext, filter: string | undefined): HttpReply {
    const context = `${ctx.env.graphEndpoint}v1.0/$metadata#users`;
    if (!filter?.trim()) return { status: 200, body: { '@odata.context': context, value: tenantUsers(ctx).map(userJson) } };
    const m = /^\s*(userPrincipalName|id|mail)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
    if (!m) return { status: 400, body: { error: { code: 'BadRequest', message: `Invalid filter clause: ${filter}` } } };
    const wanted = lower(m[2]!.replace(/''/g, "'"));
    const field = lower(m[1]!);
    const value = tenantUsers(ctx)
        .filter((u) => (field === 'id' ? lower(u.objectId) === wanted : field === 'userprincipalname' && lower(u.upn) === wanted))
        .map(userJson);
    return { status: 200, body: { '@odata.context': context, value } };
}

/**
 * The little of Microsoft Graph the Azure CLI asks for: `keyvault create` looks up the signed-in principal (`/me` for a
 * user, `/servicePrincipals?$filter=…` for an app), `ad signed-in-user show` is `/me`, `ad user show` is `/users/{id|upn}`.
 */
export function handleGraph(ctx: EmulatorContext, ex: HttpExchange): HttpReply {
    const auth = authenticateArm(ctx, ex, [ctx.env.graphEndpoint]);
    if ('reply' in auth) return auth.reply;
    const path = ex.path.replace(/\/+$/, '');
    if (/^\/v1\.0\/me$/i.test(path)) {
        // Only a delegated (user) token has a signed-in user; an app's token has none, as in Graph.
        const user = userByObjectId(ctx, auth.principal.objectId);
        if (!user) return { status: 400, body: { error: { code: 'BadRequest', message: '/me request is only valid with delegated authentication flow.' } } };
        return { status: 200, body: { '@odata.context': `${ctx.env.graphEndpoint}v1.0/$metadata#users/$entity`, ...userJson(user) } };
    }
    if (/^\/v1\.0\/users$/i.test(path)) return listUsers(ctx, ex.query['$filter']);
    const userKey = /^\/v1\.0\/users\/([^/]+)$/i.exec(path)?.[1];
    if (userKey) {
        const user = tenantUsers(ctx).find((u) => lower(u.objectId) === lower(userKey) || lower(u.upn) === lower(userKey));
        return user
            ? { status: 200, body: { '@odata.context': `${ctx.env.graphEndpoint}v1.0/$metadata#users/$entity`, ...userJson(user) } }
            : notFound(userKey);
    }
    const principals = [
        ...Object.values(ctx.world.principals).map((p) => ({
            id: p.objectId,
            appId: p.clientId,
            displayName: p.displayName,
            servicePrincipalType: 'Application',
            servicePrincipalNames: [p.clientId],
        })),
        ...Object.values(ctx.world.identities).map((i) => ({
            id: i.principalId,
            appId: i.clientId,
            displayName: i.name,
            servicePrincipalType: 'ManagedIdentity',
            servicePrincipalNames: [i.clientId, i.id],
        })),
    ];
    if (/^\/v1\.0\/servicePrincipals$/i.test(path)) {
        const wanted = /(?:appId\s+eq\s+|c\s+eq\s+)'([^']+)'/i.exec(ex.query['$filter'] ?? '')?.[1];
        const value = principals.filter((p) => !wanted || p.servicePrincipalNames.some((n) => lower(n) === lower(wanted)) || lower(p.appId) === lower(wanted));
        return { status: 200, body: { '@odata.context': `${ctx.env.graphEndpoint}v1.0/$metadata#servicePrincipals`, value } };
    }
    const byId = /^\/v1\.0\/servicePrincipals\/([^/]+)$/i.exec(path)?.[1];
    const found = byId ? principals.find((p) => lower(p.id) === lower(byId)) : undefined;
    if (found) return { status: 200, body: found };
    return notFound(byId ?? path);
}
