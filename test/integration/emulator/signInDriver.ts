import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { RunningEmulator } from '../../emulator/index';
import type { TenantUser } from '../../emulator/types';
import { call } from './harness';

// Test-side stand-ins for a browser and a public client, speaking the identity platform's protocols over plain HTTPS.

export const VSCODE_CLIENT_ID = 'aebc6443-996d-45c2-90f0-388ff96faa56';
export const AZURE_CLI_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

export function pkce(): { verifier: string; challenge: string } {
    const verifier = randomBytes(32).toString('base64url');
    return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export type Claims = Record<string, unknown> & { exp: number };
export const claimsOf = (jwt: string): Claims => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Claims;
export interface TokenResponse {
    access_token: string;
    refresh_token: string;
    id_token?: string;
    scope?: string;
    [k: string]: unknown;
}

/** The users environment.json lists (the typed environment does not carry them). */
export function environmentUsers(emu: RunningEmulator): TenantUser[] {
    const dir = dirname(dirname(emu.environment.caCertPath));
    return (JSON.parse(readFileSync(join(dir, 'environment.json'), 'utf8')) as { users: TenantUser[] }).users;
}

export function issuedSecrets(emu: RunningEmulator): { kind: string; value: string }[] {
    const file = join(dirname(dirname(emu.environment.caCertPath)), 'issued-secrets.jsonl');
    return readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
}

const unescape = (s: string): string => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

/** Every `<form>` of a page: its action and its hidden fields (what a browser would submit). */
export function formsOf(html: string): { action: string; fields: Record<string, string> }[] {
    return [...html.matchAll(/<form method="post" action="([^"]*)">([\s\S]*?)<\/form>/g)].map(([, action, inner]) => ({
        action: unescape(action!),
        fields: Object.fromEntries(
            [...inner!.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(([, k, v]) => [unescape(k!), unescape(v!)]),
        ),
    }));
}

export const postForm = (emu: RunningEmulator, url: string, fields: Record<string, string>): ReturnType<typeof call> =>
    call(emu, 'POST', url, { body: new URLSearchParams(fields).toString() });

/** Picks `upn` on the account picker page (`html`): the emulator's answer (a redirect, a form_post page, or an error page). */
export async function pickAccount(emu: RunningEmulator, html: string, upn: string): ReturnType<typeof call> {
    const form = formsOf(html)[0]!;
    return postForm(emu, form.action, { ...form.fields, login: upn });
}

/** The OAuth answer a reply carries: the query of a 302's Location, or the fields of a form_post page. */
export function answerOf(reply: { status: number; headers: Record<string, string>; body: unknown }): Record<string, string> {
    if (reply.status === 302) return Object.fromEntries(new URL(reply.headers.location!).searchParams);
    return formsOf(String(reply.body))[0]?.fields ?? {};
}

export interface AuthorizeOptions {
    clientId?: string;
    redirectUri?: string;
    scope?: string;
    challenge?: string;
    state?: string;
    nonce?: string;
    responseMode?: string;
    extra?: Record<string, string>;
}

export function authorizeUrl(emu: RunningEmulator, o: AuthorizeOptions = {}): string {
    const params = new URLSearchParams({
        client_id: o.clientId ?? VSCODE_CLIENT_ID,
        response_type: 'code',
        redirect_uri: o.redirectUri ?? 'http://localhost:51234/',
        scope: o.scope ?? `${emu.environment.armAudience}.default openid profile offline_access`,
        code_challenge: o.challenge ?? pkce().challenge,
        code_challenge_method: 'S256',
        state: o.state ?? 'state-123',
        nonce: o.nonce ?? 'nonce-456',
        response_mode: o.responseMode ?? 'query',
        ...o.extra,
    });
    return `${emu.environment.authority}/organizations/oauth2/v2.0/authorize?${params}`;
}

export const tokenEndpoint = (emu: RunningEmulator): string => `${emu.environment.authority}/organizations/oauth2/v2.0/token`;

/** A whole interactive sign-in over raw HTTP: authorize → pick `upn` → redeem the code. The token response. */
export async function signIn(emu: RunningEmulator, upn: string, scope?: string): Promise<TokenResponse> {
    const { verifier, challenge } = pkce();
    const redirectUri = 'http://127.0.0.1:40000/callback';
    const page = await call(emu, 'GET', authorizeUrl(emu, { challenge, redirectUri, scope, extra: { prompt: 'select_account' } }));
    const { code } = answerOf(await pickAccount(emu, String(page.body), upn));
    const tokens = await postForm(emu, tokenEndpoint(emu), {
        grant_type: 'authorization_code',
        client_id: VSCODE_CLIENT_ID,
        code: code!,
        redirect_uri: redirectUri,
        code_verifier: verifier,
        scope: scope ?? `${emu.environment.armAudience}.default openid offline_access`,
        client_info: '1',
    });
    if (tokens.status !== 200) throw new Error(`sign-in as ${upn} failed: ${JSON.stringify(tokens.body)}`);
    return tokens.body as TokenResponse;
}

/** MSAL's network module over the harness's HTTPS (which trusts the emulator's CA). */
export function msalNetwork(emu: RunningEmulator): INetworkModule {
    const send = async <T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
        const res = await call(emu, method, url, { body: options?.body, headers: options?.headers });
        return { status: res.status, headers: res.headers, body: res.body as T };
    };
    return { sendGetRequestAsync: (url, options) => send('GET', url, options), sendPostRequestAsync: (url, options) => send('POST', url, options) };
}

/** A user's credential the way MSAL keeps one: signed in once, then a refresh-token grant for each scope asked. */
export function userCredential(emu: RunningEmulator, upn: string): TokenCredential {
    let refreshToken: Promise<string> | undefined;
    return {
        getToken: async (scopes): Promise<AccessToken> => {
            refreshToken ??= signIn(emu, upn).then((t) => t.refresh_token);
            const res = await postForm(emu, tokenEndpoint(emu), {
                grant_type: 'refresh_token',
                client_id: VSCODE_CLIENT_ID,
                refresh_token: await refreshToken,
                scope: [...(Array.isArray(scopes) ? scopes : [scopes]), 'offline_access'].join(' '),
            });
            if (res.status !== 200) throw new Error(`token for ${upn} failed: ${JSON.stringify(res.body)}`);
            return { token: res.body.access_token, expiresOnTimestamp: claimsOf(res.body.access_token).exp * 1000 };
        },
    };
}
