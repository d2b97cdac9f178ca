import type { EmulatorContext } from '../context';
import type { HttpExchange } from '../http';
import type { Registry } from '../types';
import { OciError, AUTHENTICATION_REQUIRED, challenge } from './ociErrors';
import { loginServerOf, verifyAcrToken, type AcrTokenClaims } from './acrTokens';
import { allows } from './scopes';

/** What a data-plane request needs: an action on a repository (`repository:hello:pull`) or on the registry's catalog. */
export interface Need {
    type: 'repository' | 'registry';
    name: string;
    action: string;
}

const scopeText = (need: Need): string => `${need.type}:${need.name}:${need.action}`;

function bearer(ex: HttpExchange): string | undefined {
    const header = ex.headers.authorization;
    return (typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null)?.[1];
}

/**
 * The registry's check of a data-plane request: an ACR access token of this registry whose `access` claim allows the
 * need; otherwise 401 UNAUTHORIZED with the Bearer challenge naming the scope to ask for (as ACR answers it).
 * Without a need (`GET /v2/`), any valid access token will do.
 */
export function requireAccess(ctx: EmulatorContext, ex: HttpExchange, registry: Registry, need?: Need): AcrTokenClaims {
    const token = bearer(ex);
    const claims = token ? verifyAcrToken(ctx, registry, token, 'access_token') : undefined;
    const loginServer = loginServerOf(ctx, registry);
    const detail = need ? [{ Type: need.type, Name: need.name, Action: need.action }] : null;
    if (!claims) {
        throw new OciError(401, 'UNAUTHORIZED', AUTHENTICATION_REQUIRED, detail, {
            'www-authenticate': challenge(ex.host, loginServer, need && scopeText(need), need ? 'invalid_token' : undefined),
        });
    }
    if (need && !allows(claims.access, need.type, need.name, need.action)) {
        throw new OciError(401, 'UNAUTHORIZED', AUTHENTICATION_REQUIRED, detail, {
            'www-authenticate': challenge(ex.host, loginServer, scopeText(need), 'insufficient_scope'),
        });
    }
    return claims;
}
