import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { HttpExchange, HttpReply } from '../http';
import type { TenantUser } from '../types';
import { lower } from '../ids';
import type { IssuerEndpoint } from './endpoint';
import { requestParameters } from './forms';
import { isLoopbackRedirect, publicClientName } from './publicClients';
import { isScopeError, parseUserScopes } from './scopes';
import { CODE_LIFETIME_MS, signInState, type AuthorizationRequest } from './signInState';
import { accountPicker, formPostPage, messagePage } from './signInPage';
import { findUser, tenantUsers } from './users';

const RESPONSE_MODES = ['query', 'form_post', 'fragment'] as const;

/** Before the reply URL is trusted, Entra answers on its own page: nothing goes back to the client. */
const errorPage = (aadsts: number, description: string): HttpReply => messagePage(400, 'Sign in', `AADSTS${aadsts}: ${description}`);

/** Sends the answer (code or error) to the client's reply URL the way it asked: query, fragment or a self-posting form. */
function answer(request: AuthorizationRequest, fields: Record<string, string | undefined>): HttpReply {
    if (request.responseMode === 'form_post') return formPostPage(request.redirectUri, fields);
    const pairs = Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined);
    const encoded = new URLSearchParams(pairs).toString();
    const location =
        request.responseMode === 'fragment'
            ? `${request.redirectUri}#${encoded}`
            : `${request.redirectUri}${request.redirectUri.includes('?') ? '&' : '?'}${encoded}`;
    return { status: 302, headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } };
}

export const answerError = (request: AuthorizationRequest, error: string, aadsts: number, description: string): HttpReply =>
    answer(request, { error, error_description: `AADSTS${aadsts}: ${description}`, error_codes: String(aadsts), state: request.state });

/** The user is known: a single-use code (10 minutes) goes to the reply URL. */
export function completeAuthorization(ctx: EmulatorContext, request: AuthorizationRequest, user: TenantUser): HttpReply {
    const state = signInState(ctx);
    state.sweep();
    const code = randomBytes(48).toString('base64url');
    state.codes.set(code, { request, userObjectId: user.objectId, expiresAt: Date.now() + CODE_LIFETIME_MS, redeemed: false });
    ctx.issued.record('authorizationCode', code);
    return answer(request, { code, state: request.state, session_state: randomBytes(16).toString('hex') });
}

export function pickerFor(ctx: EmulatorContext, request: AuthorizationRequest, flowId: string, error?: string): HttpReply {
    // Same-origin action (the page's CSP allows `form-action 'self'`): the page may have been reached under either host name.
    return accountPicker({
        action: `/${request.endpoint.tenantSegment}/login`,
        flowId,
        error,
        appName: publicClientName(request.clientId) ?? request.clientId,
        users: tenantUsers(ctx),
        replyUrl: request.redirectUri,
    });
}

/** The account a browser session stands for, if it may answer this request without showing a page. */
function sessionUser(ctx: EmulatorContext, request: AuthorizationRequest): TenantUser | undefined {
    if (request.prompt === 'login' || request.prompt === 'select_account') return undefined;
    const user = findUser(ctx, signInState(ctx).browserSessionUpn);
    if (user && request.loginHint && lower(request.loginHint) !== lower(user.upn)) return undefined;
    return user;
}

/** `GET|POST {authority}/{tenant}/oauth2/v2.0/authorize`: authorization code flow with PKCE, for public clients on loopback. */
export function handleAuthorize(ctx: EmulatorContext, ex: HttpExchange, endpoint: IssuerEndpoint): HttpReply {
    const p = requestParameters(ex);
    const clientId = p.get('client_id');
    if (!clientId) return errorPage(900144, "The request body must contain the following parameter: 'client_id'.");
    if (!publicClientName(clientId)) {
        return errorPage(
            700016,
            `Application with identifier '${clientId}' was not found in the directory '${endpoint.tenantSegment}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
        );
    }
    const redirectUri = p.get('redirect_uri') ?? '';
    if (!isLoopbackRedirect(redirectUri)) {
        return errorPage(
            50011,
            `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
        );
    }
    const mode = p.get('response_mode') ?? 'query';
    const request: AuthorizationRequest = {
        endpoint,
        clientId,
        redirectUri,
        scope: p.get('scope') ?? (p.get('resource') ? `${p.get('resource')}/.default` : ''),
        responseMode: (RESPONSE_MODES as readonly string[]).includes(mode) ? (mode as AuthorizationRequest['responseMode']) : 'query',
        codeChallenge: p.get('code_challenge') ?? '',
        state: p.get('state') ?? undefined,
        nonce: p.get('nonce') ?? undefined,
        prompt: p.get('prompt') ?? undefined,
        loginHint: p.get('login_hint') ?? undefined,
    };
    const refusal = refuse(ctx, request, p, mode);
    if (refusal) return refusal;
    const user = sessionUser(ctx, request);
    if (user) return completeAuthorization(ctx, request, user);
    if (request.prompt === 'none') return answerError(request, 'login_required', 50058, 'A silent sign-in request was sent but no user is signed in.');
    return pickerFor(ctx, request, signInState(ctx).openPage({ kind: 'authorize', request }));
}

/** What Entra refuses once the reply URL is trusted (so the error goes back to the client). */
function refuse(ctx: EmulatorContext, request: AuthorizationRequest, p: URLSearchParams, mode: string): HttpReply | undefined {
    if (!(RESPONSE_MODES as readonly string[]).includes(mode)) {
        return answerError(request, 'invalid_request', 9002313, `Invalid request. The response_mode '${mode}' is not supported.`);
    }
    const responseType = p.get('response_type');
    if (responseType !== 'code') {
        return answerError(request, 'unsupported_response_type', 700054, `response_type '${responseType ?? ''}' is not enabled for the application.`);
    }
    if (!request.codeChallenge) {
        return answerError(
            request,
            'invalid_request',
            900144,
            "The request body must contain the following parameter: 'code_challenge'. The emulator requires PKCE (S256) from public clients.",
        );
    }
    if (p.get('code_challenge_method') !== 'S256') {
        return answerError(
            request,
            'invalid_request',
            9002313,
            `Invalid request. The code_challenge_method '${p.get('code_challenge_method') ?? 'plain'}' is not supported: use S256.`,
        );
    }
    if (!/^[A-Za-z0-9_-]{43}$/.test(request.codeChallenge)) {
        return answerError(request, 'invalid_request', 9002313, 'Invalid request. The code_challenge is not a base64url SHA-256 digest.');
    }
    const access = parseUserScopes(ctx, request.scope);
    if (isScopeError(access)) return answerError(request, access.error, access.aadsts, access.description);
    return undefined;
}
