import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { HttpReply } from '../http';
import { lower } from '../ids';
import { aadError, missingParameter } from './aadError';
import type { IssuerEndpoint } from './endpoint';
import { openRefreshToken, REFRESH_TOKEN_LIFETIME_SECONDS } from './refreshTokens';
import { isScopeError, parseUserScopes, type RequestedAccess } from './scopes';
import { signInState } from './signInState';
import { userByObjectId } from './users';
import { userTokenReply } from './userTokens';

const invalidGrant = (aadsts: number, description: string): HttpReply => aadError(400, 'invalid_grant', aadsts, description);

/** The token request's own scope (or v1 `resource`), else what the grant was first given for. */
function accessFor(ctx: EmulatorContext, form: URLSearchParams, fallbackScope = ''): RequestedAccess | HttpReply {
    const resource = form.get('resource');
    const access = parseUserScopes(ctx, form.get('scope') ?? (resource ? `${resource}/.default` : fallbackScope));
    return isScopeError(access) ? aadError(400, access.error, access.aadsts, access.description) : access;
}
const isReply = (x: RequestedAccess | HttpReply): x is HttpReply => 'status' in x;

/** `grant_type=authorization_code`: single use, 10 minutes, same client and reply URL, PKCE S256 verifier. */
export function redeemAuthorizationCode(ctx: EmulatorContext, form: URLSearchParams, endpoint: IssuerEndpoint): HttpReply {
    const code = form.get('code');
    if (!code) return missingParameter('code');
    const issued = signInState(ctx).codes.get(code);
    if (!issued) return invalidGrant(9002313, 'Invalid request. Request is malformed or invalid. The authorization code is not valid.');
    if (issued.redeemed) {
        return invalidGrant(54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
    }
    if (issued.expiresAt < Date.now()) {
        return invalidGrant(
            70008,
            'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
        );
    }
    const { request } = issued;
    if (lower(request.clientId) !== lower(form.get('client_id') ?? '')) {
        return invalidGrant(70000, "The provided value for the 'code' parameter is not valid. The code was issued to a different client.");
    }
    if (form.get('redirect_uri') !== request.redirectUri) {
        return invalidGrant(
            500112,
            `The reply address '${form.get('redirect_uri') ?? ''}' does not match the reply address '${request.redirectUri}' provided when requesting Authorization code.`,
        );
    }
    const verifier = form.get('code_verifier');
    if (!verifier) return missingParameter('code_verifier');
    if (createHash('sha256').update(verifier).digest('base64url') !== request.codeChallenge) {
        return invalidGrant(501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
    }
    const user = userByObjectId(ctx, issued.userObjectId);
    if (!user) return invalidGrant(50034, `The user account ${issued.userObjectId} does not exist in the '${ctx.world.tenantId}' directory.`);
    const access = accessFor(ctx, form, request.scope);
    if (isReply(access)) return access;
    issued.redeemed = true;
    return userTokenReply(ctx, endpoint, { user, clientId: request.clientId, access, nonce: request.nonce, clientInfo: form.get('client_info') === '1' });
}

/** `grant_type=refresh_token`: any resource of the same tenant, for the client the token was issued to (as Entra's). */
export function redeemRefreshToken(ctx: EmulatorContext, form: URLSearchParams, endpoint: IssuerEndpoint): HttpReply {
    const token = form.get('refresh_token');
    if (!token) return missingParameter('refresh_token');
    const grant = openRefreshToken(ctx, token);
    if (!grant) return invalidGrant(9002313, 'Invalid request. Request is malformed or invalid. The refresh token is not valid.');
    if (grant.exp < Date.now() / 1000) {
        return invalidGrant(
            700082,
            `The refresh token has expired due to inactivity. The token was issued on ${new Date(grant.iat * 1000).toISOString()} and was inactive for ${REFRESH_TOKEN_LIFETIME_SECONDS / 86400}.00:00:00.`,
        );
    }
    if (lower(grant.cid) !== lower(form.get('client_id') ?? '')) return invalidGrant(70000, 'The refresh token was issued to a different client.');
    if (lower(grant.tid) !== lower(ctx.world.tenantId)) return invalidGrant(50020, `The refresh token was issued by a different tenant (${grant.tid}).`);
    const user = userByObjectId(ctx, grant.oid);
    if (!user) return invalidGrant(50034, `The user account ${grant.oid} does not exist in the '${ctx.world.tenantId}' directory.`);
    const access = accessFor(ctx, form);
    if (isReply(access)) return access;
    return userTokenReply(ctx, endpoint, { user, clientId: grant.cid, access, clientInfo: form.get('client_info') === '1' });
}
