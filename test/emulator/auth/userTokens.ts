import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { HttpReply } from '../http';
import type { TenantUser } from '../types';
import type { IssuerEndpoint } from './endpoint';
import type { RequestedAccess } from './scopes';
import { signJwt } from './tokens';
import { sealRefreshToken } from './refreshTokens';

const ACCESS_TOKEN_LIFETIME_SECONDS = 3599;
const ID_TOKEN_LIFETIME_SECONDS = 3600;

export interface UserGrant {
    user: TenantUser;
    clientId: string;
    access: RequestedAccess;
    nonce?: string;
    clientInfo: boolean;
}

/** Entra's `sub` is pairwise: the same user has a different, stable subject in each app. */
const pairwiseSubject = (objectId: string, clientId: string): string =>
    createHash('sha256').update(`${objectId.toLowerCase()}/${clientId.toLowerCase()}`).digest('base64url').slice(0, 43);

/**
 * A delegated access token: the same claims the emulator's ARM and Key Vault read from a service principal's token
 * (`oid`, `tid`, `aud`, `appid`), plus the user's (`upn`, `name`, `scp`, `idtyp: user`).
 */
function accessToken(ctx: EmulatorContext, grant: UserGrant, now: number): string {
    const { user, clientId, access } = grant;
    const isGraph = access.resource.replace(/\/+$/, '').toLowerCase() === ctx.env.graphEndpoint.replace(/\/+$/, '').toLowerCase();
    const scp = isGraph ? 'openid profile email User.Read' : 'user_impersonation';
    return signJwt(ctx.signingKey, {
        aud: access.resource,
        iss: `${ctx.env.authority}/${ctx.world.tenantId}/`,
        iat: now,
        nbf: now,
        exp: now + ACCESS_TOKEN_LIFETIME_SECONDS,
        tid: ctx.world.tenantId,
        oid: user.objectId,
        sub: pairwiseSubject(user.objectId, clientId),
        appid: clientId,
        appidacr: '0',
        idtyp: 'user',
        upn: user.upn,
        unique_name: user.upn,
        name: user.displayName,
        scp,
        amr: ['pwd'],
        acr: '1',
        ver: '1.0',
    });
}

function idToken(ctx: EmulatorContext, endpoint: IssuerEndpoint, grant: UserGrant, now: number): string {
    const { user, clientId, nonce } = grant;
    return signJwt(ctx.signingKey, {
        aud: clientId,
        iss: endpoint.issuer,
        iat: now,
        nbf: now,
        exp: now + ID_TOKEN_LIFETIME_SECONDS,
        tid: ctx.world.tenantId,
        oid: user.objectId,
        sub: pairwiseSubject(user.objectId, clientId),
        name: user.displayName,
        preferred_username: user.upn,
        upn: user.upn,
        ver: '2.0',
        ...(grant.access.email ? { email: user.upn } : {}),
        ...(nonce ? { nonce } : {}),
    });
}

/** The token endpoint's answer to a user's grant (authorization code, device code, refresh token). */
export function userTokenReply(ctx: EmulatorContext, endpoint: IssuerEndpoint, grant: UserGrant): HttpReply {
    const now = Math.floor(Date.now() / 1000);
    const access = accessToken(ctx, grant, now);
    ctx.issued.token(access);
    const body: Record<string, unknown> = {
        token_type: 'Bearer',
        scope: grant.access.resourceScopes.join(' '),
        expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
        ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
        access_token: access,
    };
    // v1 and ADFS clients always get a refresh token; v2 only when `offline_access` was asked for.
    if (grant.access.offlineAccess || endpoint.v1 || endpoint.isAdfs) {
        body.refresh_token = sealRefreshToken(ctx, { oid: grant.user.objectId, cid: grant.clientId, tid: ctx.world.tenantId });
    }
    if (grant.access.openid || endpoint.v1) {
        const id = idToken(ctx, endpoint, grant, now);
        ctx.issued.idToken(id);
        body.id_token = id;
    }
    if (grant.clientInfo) body.client_info = Buffer.from(JSON.stringify({ uid: grant.user.objectId, utid: ctx.world.tenantId })).toString('base64url');
    if (endpoint.v1) Object.assign(body, { resource: grant.access.resource, expires_on: String(now + ACCESS_TOKEN_LIFETIME_SECONDS) });
    return { status: 200, body, headers: { 'cache-control': 'no-store', pragma: 'no-cache' } };
}
