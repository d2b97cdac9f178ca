import { randomBytes, randomUUID } from 'node:crypto';
import type { EmulatorContext } from './context';
import type { HttpExchange, HttpReply } from './http';
import { jsonBody } from './http';
import { ArmError } from './errors';
import { findRegistry } from './store';
import { probeKeyAccess } from './keyAccess';
import { signJwt } from './auth/tokens';
import { audienceFor } from './auth/issuer';
import { publicWorld } from './persist';
import { configureGraph, graphSettingsOf } from './graph/resourceGraph';
import { browserSessionRoute } from './auth/browserSession';
import { clockRoute } from './clockRoute';

/** An admin request's JSON body, its fields unchecked: each route checks what it reads (invalid JSON has none). */
type AdminBody = Record<string, unknown> | undefined;
const adminBody = (ex: HttpExchange): AdminBody => jsonBody(ex) as AdminBody;

const isLoopback = (ip: string): boolean => ip === '::1' || /^127\.\d+\.\d+\.\d+$/.test(ip);
/** A name or address that can only mean this machine (RFC 6761 `localhost`, 127/8, [::1]). */
const isLocalHostName = (hostname: string): boolean =>
    hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);

/**
 * `/_emulator/*`: no authentication, so two checks of its own besides the loopback bind (defence in depth): the
 * caller's address must be loopback, and the Host header a local name, so a page whose DNS name was rebound to
 * 127.0.0.1 cannot drive the admin API from a browser.
 */
export async function handleAdmin(ctx: EmulatorContext, ex: HttpExchange): Promise<HttpReply> {
    if (!isLoopback(ex.clientIp)) return { status: 403, body: { error: { code: 'Forbidden', message: 'The admin API answers loopback callers only.' } } };
    if (!isLocalHostName(ex.hostname)) {
        return { status: 403, body: { error: { code: 'Forbidden', message: 'The admin API answers requests for a local host name only.' } } };
    }
    const what = `${ex.method} ${ex.path.replace(/^\/_emulator\/?/, '').replace(/\/+$/, '')}`;
    try {
        switch (what) {
            case 'GET state':
                return { status: 200, body: publicWorld(ctx.world) };
            case 'POST reset':
                await ctx.resetWorld();
                ctx.faults.clear();
                ctx.log.clear();
                return { status: 200, body: { reset: true } };
            case 'GET requests':
                return { status: 200, body: { lastSeq: ctx.log.lastSeq, requests: ctx.log.since(Number(ex.query.since ?? 0) || 0) } };
            case 'DELETE requests':
                ctx.log.clear();
                return { status: 204 };
            case 'GET faults':
                return { status: 200, body: { rules: ctx.faults.list() } };
            case 'POST faults': {
                const body = adminBody(ex);
                const rules: unknown[] = Array.isArray(body?.rules) ? body.rules : [body];
                return { status: 201, body: { rules: rules.map((r) => ctx.faults.add(r)) } };
            }
            case 'DELETE faults':
                ctx.faults.clear();
                return { status: 204 };
            case 'GET key-access': {
                const registry = findRegistry(ctx.world, ex.query.registry ?? '');
                if (!registry) return { status: 404, body: { error: { code: 'ResourceNotFound', message: `Registry '${ex.query.registry}' not found.` } } };
                return { status: 200, body: probeKeyAccess(ctx, registry) };
            }
            case 'POST principals':
                return { status: 201, body: addPrincipal(ctx, adminBody(ex)) };
            case 'POST tokens':
                return mintToken(ctx, adminBody(ex));
            case 'POST browser-session':
            case 'DELETE browser-session':
                return browserSessionRoute(ctx, ex.method, adminBody(ex));
            case 'GET clock':
            case 'POST clock':
                return clockRoute(ctx, ex.method, adminBody(ex));
            case 'POST resource-graph':
                return { status: 200, body: configureGraph(ctx, graphSettingsOf(adminBody(ex))) };
            default:
                return { status: 404, body: { error: { code: 'NotFound', message: `No admin route ${what}.` } } };
        }
    } catch (e) {
        if (e instanceof ArmError) return e.toResponse();
        throw e;
    }
}

/** A further service principal (another tool or user) the tests can sign in as. */
function addPrincipal(ctx: EmulatorContext, body: AdminBody): { clientId: string; clientSecret: string; objectId: string; displayName: string } {
    const principal = {
        clientId: randomUUID(),
        clientSecret: randomBytes(24).toString('base64url'),
        objectId: randomUUID(),
        displayName: String(body?.displayName ?? 'emulator-principal'),
    };
    ctx.world.principals[principal.clientId] = principal;
    ctx.issued.record('clientSecret', principal.clientSecret);
    ctx.changed();
    return principal;
}

/** Mints a token with chosen lifetime/audience (to test expiry and wrong-audience handling). */
function mintToken(ctx: EmulatorContext, body: AdminBody): HttpReply {
    const principal = Object.values(ctx.world.principals).find((p) => p.clientId === (body?.clientId ?? ctx.env.clientId));
    if (!principal) return { status: 404, body: { error: { code: 'NotFound', message: 'Unknown clientId.' } } };
    const aud = String(body?.audience ?? ctx.env.armAudience);
    const now = Math.floor(Date.now() / 1000);
    const exp = now + Number(body?.expiresInSeconds ?? 3600);
    const token = signJwt(ctx.signingKey, {
        aud: audienceFor(ctx, aud) ?? aud,
        iss: `${ctx.env.authority}/${ctx.world.tenantId}/`,
        iat: now - 7200,
        nbf: now - 7200,
        exp,
        tid: ctx.world.tenantId,
        oid: principal.objectId,
        sub: principal.objectId,
        appid: principal.clientId,
    });
    ctx.issued.token(token);
    return { status: 200, body: { access_token: token, expires_on: exp } };
}
