import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context';
import { prepareReply, readExchange, sendReply, writeReply, type HttpExchange, type HttpReply } from './http';
import { parseArmRequestBody } from './deployments/requestBody';
import { handleAdmin } from './admin';
import { handleIssuer } from './auth/issuer';
import { authenticateArm } from './auth/validate';
import { handleGraph } from './graph';
import { handleVaultHost, vaultNameFromHost } from './keyvault/router';
import { dispatchArm } from './arm/dispatch';
import { metadataEndpoints } from './arm/subscriptions';
import { portalPage } from './portal';
import { registryForHost } from './registryData/loginServer';
import { handleRegistryHost } from './registryData/router';
import { applyDueRules } from './timeRules';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const MUTATING = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);

async function route(ctx: EmulatorContext, ex: HttpExchange, lroFail: boolean): Promise<HttpReply> {
    const vaultName = vaultNameFromHost(ctx, ex.hostname);
    if (vaultName) return handleVaultHost(ctx, ex, vaultName);
    const registry = registryForHost(ctx, ex.hostname);
    if (registry) return handleRegistryHost(ctx, ex, registry);
    if (ex.hostname === 'graph.localhost' || /^\/v1\.0\//i.test(ex.path)) return handleGraph(ctx, ex);
    if (ex.hostname === 'portal.localhost') return portalPage(ctx);
    const issued = handleIssuer(ctx, ex);
    if (issued) return issued;
    if (/^\/metadata\/endpoints\/?$/i.test(ex.path)) return metadataEndpoints(ctx, ex.query['api-version']);
    const auth = authenticateArm(ctx, ex);
    if ('reply' in auth) return auth.reply;
    const body = parseArmRequestBody(ex.body);
    if (body === Symbol.for('invalid-json')) {
        return { status: 400, body: { error: { code: 'InvalidRequestContent', message: 'The request content was invalid and could not be deserialized.' } } };
    }
    const res = await dispatchArm(ctx, { method: ex.method, path: ex.path, query: ex.query, body, principal: auth.principal, lroFail });
    if (MUTATING.has(ex.method) && res.status < 400) ctx.changed();
    return res;
}

/** The HTTP entry point: admin API, latency, faults, request log, then host/path routing. */
export function createHandler(ctx: EmulatorContext, latencyMs: number): (req: IncomingMessage, res: ServerResponse) => void {
    return (req, res) => {
        void (async () => {
            const started = Date.now();
            const ex = await readExchange(req);
            const admin = ex.path.startsWith('/_emulator/') || ex.path === '/_emulator';
            // The latency runs from the request's arrival: the time rules' own work (tens of milliseconds over a large world)
            // happens during it rather than after it, as the emulator's bookkeeping, not a cost of the request.
            const latency = latencyMs > 0 && !admin ? sleep(latencyMs) : undefined;
            await applyDueRules(ctx); // what fell due by the emulator's clock happens before the request sees the world
            if (admin) {
                writeReply(res, await handleAdmin(ctx, ex));
                return;
            }
            const log = (status: number): void =>
                ctx.log.add({
                    time: new Date(started).toISOString(),
                    method: ex.method,
                    host: ex.host,
                    path: ex.path,
                    query: ex.query,
                    status,
                    durationMs: Date.now() - started,
                });
            const fault = ctx.faults.match(ex.method, ex.host, ex.path);
            if (fault && 'drop' in fault) {
                await latency;
                log(0);
                req.socket.destroy();
                return;
            }
            if (fault && 'delayMs' in fault) {
                await delayUnlessClosed(req, fault.delayMs);
                // A client that gave up during the delay has closed its connection: the request is abandoned unprocessed
                // (logged as 499, "client closed request", when the connection closes — not when the delay would have
                // ended, minutes later in another test's log), so a timed-out attempt can't land after the client's retry.
                if (req.socket.destroyed) {
                    log(499);
                    return;
                }
            }
            let reply: HttpReply;
            if (fault && 'status' in fault) {
                reply = {
                    status: fault.status,
                    body: { error: { code: fault.code, message: fault.message } },
                    headers: fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
                };
            } else {
                reply = await route(ctx, ex, !!fault && 'lroFail' in fault);
            }
            // The answer is worked out and serialized as the request arrives (as a service does), and leaves once the
            // modelled latency has passed: the emulator's own work (a page of 1 000 rows) is not added on top of it.
            const prepared = prepareReply(reply);
            await latency;
            log(reply.status);
            sendReply(res, prepared);
        })().catch((e: unknown) => {
            process.stderr.write(`emulator: internal error: ${(e as Error).stack ?? String(e)}\n`);
            if (!res.headersSent) writeReply(res, { status: 500, body: { error: { code: 'InternalServerError', message: 'Emulator internal error.' } } });
        });
    };
}

/** Waits `ms`, or less when the client closes its connection first. */
function delayUnlessClosed(req: IncomingMessage, ms: number): Promise<void> {
    if (req.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            req.socket.off('close', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        req.socket.once('close', done);
    });
}
