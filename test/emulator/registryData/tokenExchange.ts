import type { EmulatorContext } from '../context';
import type { HttpExchange, HttpReply } from '../http';
import type { Registry } from '../types';
import { authenticateArm } from '../auth/validate';
import { OciError, ociReply, AUTHENTICATION_REQUIRED } from './ociErrors';
import { formParams, basicCredentials } from './formParams';
import { issueAccessToken, issueRefreshToken, loginServerOf, verifyAcrToken } from './acrTokens';
import { registryRights } from './rights';
import { grantScopes, parseScopes } from './scopes';

const unauthorized = (message = AUTHENTICATION_REQUIRED): HttpReply => ociReply(new OciError(401, 'UNAUTHORIZED', message));
const invalidRequest = (message: string): HttpReply => ociReply(new OciError(400, 'UNSUPPORTED', message));
/** The user name that goes with an ACR refresh token as a password (`az acr login --expose-token` prints it). */
export const REFRESH_TOKEN_USER = '00000000-0000-0000-0000-000000000000';

/**
 * `POST /oauth2/exchange` (grant_type=access_token): an Entra access token for Resource Manager, validated as
 * Resource Manager validates it, buys an ACR refresh token for this registry, if the caller has any right on it.
 */
export function exchangeToken(ctx: EmulatorContext, ex: HttpExchange, registry: Registry): HttpReply {
    if (ex.method !== 'POST') return ociReply(new OciError(405, 'UNSUPPORTED', 'The requested operation is not supported.'));
    const params = formParams(ex);
    if (params.grant_type !== 'access_token') return invalidRequest(`grant_type '${params.grant_type ?? ''}' is not supported; use access_token.`);
    if (params.service && params.service !== loginServerOf(ctx, registry)) return unauthorized();
    if (!params.access_token) return invalidRequest('access_token is required.');
    const auth = authenticateArm(ctx, { ...ex, headers: { authorization: `Bearer ${params.access_token}` } });
    if ('reply' in auth) return unauthorized();
    if (registryRights(ctx, registry, auth.principal.objectId).size === 0) return unauthorized();
    return { status: 200, body: { refresh_token: issueRefreshToken(ctx, registry, auth.principal).token } };
}

/**
 * `GET|POST /oauth2/token`: an ACR refresh token (grant_type=refresh_token, or as the password of
 * `00000000-0000-0000-0000-000000000000` in basic auth, as docker and skopeo send it) buys an access token for the
 * requested scopes, narrowed to what the caller's Azure rights on the registry allow now.
 */
export function issueToken(ctx: EmulatorContext, ex: HttpExchange, registry: Registry): HttpReply {
    if (ex.method !== 'GET' && ex.method !== 'POST') return ociReply(new OciError(405, 'UNSUPPORTED', 'The requested operation is not supported.'));
    const params = formParams(ex);
    if (params.service && params.service !== loginServerOf(ctx, registry)) return unauthorized();
    const basic = basicCredentials(ex);
    let refreshToken: string | undefined;
    if (params.grant_type === 'refresh_token') refreshToken = params.refresh_token;
    else if (params.grant_type === 'password' && params.username === REFRESH_TOKEN_USER) refreshToken = params.password;
    else if (basic?.username === REFRESH_TOKEN_USER) refreshToken = basic.password;
    if (!refreshToken) return unauthorized();
    const claims = verifyAcrToken(ctx, registry, refreshToken, 'refresh_token');
    if (!claims) return unauthorized();
    const access = grantScopes(parseScopes(params.scope), registryRights(ctx, registry, claims.oid));
    const issued = issueAccessToken(ctx, registry, { objectId: claims.oid, appId: claims.appid }, access);
    return { status: 200, body: { access_token: issued.token, ...(ex.method === 'GET' ? { expires_in: issued.expiresIn } : {}) } };
}
