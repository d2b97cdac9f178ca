import type { EmulatorContext } from '../context';
import type { Registry } from '../types';
import { signJwt, verifyJwt, type TokenClaims } from '../auth/tokens';
import { lower } from '../ids';

/** One entry of an ACR access token's `access` claim: `{type: repository, name: hello, actions: [pull, push]}`. */
export interface AccessEntry {
    type: string;
    name: string;
    actions: string[];
}
export interface AcrTokenClaims extends TokenClaims {
    grant_type: 'refresh_token' | 'access_token';
    rid: string;
    access?: AccessEntry[];
}

const ISSUER = 'Azure Container Registry';
// ACR's lifetimes: a refresh token from `az acr login --expose-token` is good for 3 hours, an access token for 75 minutes.
const REFRESH_SECONDS = 3 * 3600;
const ACCESS_SECONDS = 75 * 60;

export const loginServerOf = (ctx: EmulatorContext, registry: Registry): string => `${lower(registry.name)}${ctx.env.acrLoginServerSuffix}`;

function issue(
    ctx: EmulatorContext,
    registry: Registry,
    who: { objectId: string; appId: string },
    grantType: AcrTokenClaims['grant_type'],
    lifetime: number,
    access?: AccessEntry[],
): { token: string; expiresIn: number } {
    const now = Math.floor(Date.now() / 1000);
    const claims: AcrTokenClaims = {
        aud: loginServerOf(ctx, registry),
        iss: ISSUER,
        iat: now,
        nbf: now,
        exp: now + lifetime,
        tid: ctx.world.tenantId,
        oid: who.objectId,
        sub: who.objectId,
        appid: who.appId,
        version: '1.0',
        grant_type: grantType,
        rid: lower(registry.id),
        ...(access ? { access } : {}),
    };
    const token = signJwt(ctx.signingKey, claims);
    ctx.issued.record(grantType === 'refresh_token' ? 'refreshToken' : 'accessTokenSignature', grantType === 'refresh_token' ? token : token.split('.')[2]);
    return { token, expiresIn: lifetime };
}

export const issueRefreshToken = (ctx: EmulatorContext, registry: Registry, who: { objectId: string; appId: string }): { token: string; expiresIn: number } =>
    issue(ctx, registry, who, 'refresh_token', REFRESH_SECONDS);

export const issueAccessToken = (
    ctx: EmulatorContext,
    registry: Registry,
    who: { objectId: string; appId: string },
    access: AccessEntry[],
): { token: string; expiresIn: number } => issue(ctx, registry, who, 'access_token', ACCESS_SECONDS, access);

/** The claims of an ACR token of this registry and kind, or undefined (bad signature, expired, another registry's, another kind). */
export function verifyAcrToken(ctx: EmulatorContext, registry: Registry, token: string, kind: AcrTokenClaims['grant_type']): AcrTokenClaims | undefined {
    const check = verifyJwt(ctx.signingKey, token);
    if (!check.ok) return undefined;
    const claims = check.claims as AcrTokenClaims;
    const ours = claims.iss === ISSUER && claims.grant_type === kind && claims.aud === loginServerOf(ctx, registry) && claims.rid === lower(registry.id);
    return ours ? claims : undefined;
}
