import type { EmulatorContext } from '../context';
import type { HttpExchange, HttpReply } from '../http';
import type { Principal } from '../types';
import { verifyJwt, type TokenClaims } from './tokens';
import { authorizeUserArmRequest } from './armAuthorization';
import { lower } from '../ids';

const norm = (s: string): string => lower(s).replace(/\/+$/, '');
type Outcome = { principal: Principal } | { reply: HttpReply };

function bearer(ex: HttpExchange): string | undefined {
    const header = ex.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    return m?.[1];
}

const toPrincipal = (claims: TokenClaims, ex: HttpExchange): Principal => ({
    objectId: claims.oid,
    appId: claims.appid,
    tenantId: claims.tid,
    clientIp: ex.clientIp,
    ...(claims.upn ? { upn: String(claims.upn) } : {}),
});

/** Resource Manager's bearer check: 401 with ARM's codes and `WWW-Authenticate` when it fails. */
export function authenticateArm(ctx: EmulatorContext, ex: HttpExchange, audiences: string[] = [ctx.env.armAudience]): Outcome {
    const fail = (code: string, message: string, description: string): Outcome => ({
        reply: {
            status: 401,
            body: { error: { code, message } },
            headers: {
                'www-authenticate': `Bearer authorization_uri="${ctx.env.authority}/${ctx.world.tenantId}", error="invalid_token", error_description="${description}"`,
            },
        },
    });
    const token = bearer(ex);
    if (!token) {
        return fail(
            'AuthenticationFailed',
            "Authentication failed. The 'Authorization' header is missing.",
            "The authentication failed because of missing 'Authorization' header.",
        );
    }
    const check = verifyJwt(ctx.signingKey, token);
    if (!check.ok && check.reason === 'expired') {
        return fail('ExpiredAuthenticationToken', 'The access token expiry UTC time is earlier than current UTC time.', 'The access token has expired.');
    }
    if (!check.ok) return fail('InvalidAuthenticationToken', 'The access token is invalid.', 'The access token signature is invalid.');
    if (!audiences.some((a) => norm(a) === norm(String(check.claims.aud)))) {
        return fail(
            'InvalidAuthenticationTokenAudience',
            `The access token has been obtained for wrong audience or resource '${check.claims.aud}'. It should exactly match with one of the allowed audiences '${audiences.join("','")}'.`,
            'The access token audience is invalid.',
        );
    }
    if (lower(check.claims.tid) !== lower(ctx.world.tenantId)) {
        return fail(
            'InvalidAuthenticationTokenTenant',
            `The access token is from the wrong issuer '${check.claims.iss}'.`,
            'The access token is from the wrong tenant.',
        );
    }
    // A delegated (user) token carries `scp`: Resource Manager checks the user's role assignments before the request runs.
    if (typeof check.claims.scp === 'string' && audiences.includes(ctx.env.armAudience)) {
        const answered = authorizeUserArmRequest(ctx, ex, check.claims.oid, String(check.claims.upn ?? check.claims.oid));
        if (answered) return { reply: answered };
    }
    return { principal: toPrincipal(check.claims, ex) };
}

/** Key Vault's bearer check: the challenge (authorization + resource with port) on every 401. */
export function authenticateVault(ctx: EmulatorContext, ex: HttpExchange): Outcome {
    const challenge = `Bearer authorization="${ctx.env.authority}/${ctx.world.tenantId}", resource="${ctx.env.keyVaultAudience}"`;
    const fail = (message: string): Outcome => ({
        reply: { status: 401, body: { error: { code: 'Unauthorized', message } }, headers: { 'www-authenticate': challenge } },
    });
    const token = bearer(ex);
    if (!token) return fail('AKV10000: Request is missing a Bearer or PoP token.');
    const check = verifyJwt(ctx.signingKey, token);
    if (!check.ok && check.reason === 'expired') return fail('AKV10022: Invalid token: the token has expired.');
    if (!check.ok) return fail('AKV10032: Invalid issuer or signature.');
    if (norm(String(check.claims.aud)) !== norm(ctx.env.keyVaultAudience)) {
        return fail(`AKV10022: Invalid audience. Expected ${ctx.env.keyVaultAudience}, found: ${check.claims.aud}.`);
    }
    if (lower(check.claims.tid) !== lower(ctx.world.tenantId)) return fail('AKV10032: Invalid issuer. Expected one of the tenant issuers.');
    return { principal: toPrincipal(check.claims, ex) };
}
