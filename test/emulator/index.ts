import { createServer as createPlainServer } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { join, resolve } from 'node:path';
import type { EmulatorContext, EmulatorEnvironment } from './context';
import type { World } from './types';
import { ensureTls } from './tls';
import { loadSigningKey } from './auth/tokens';
import { KeyPool } from './keyvault/keyPool';
import { FaultStore } from './faults';
import { RequestLog } from './requestLog';
import { StatePersistence } from './persist';
import { baseWorld, parseSeed, seedWorld } from './seed';
import { buildEnvironment, writeEnvironmentFiles } from './environment';
import { portalPage } from './portal';
import { createHandler } from './router';
import { IssuedSecrets } from './issuedSecrets';
import { EmulatorClock } from './clock';

export type { EmulatorEnvironment } from './context';
export { dispatchInternal } from './arm/dispatch';

export interface EmulatorOptions {
    port?: number;
    outDir: string;
    seed?: string;
    latencyMs?: number;
    statePath?: string;
    lroPolls?: number;
    keyVaultDnsSuffix?: string;
    /** the emulator's time at start (milliseconds since the epoch; default: the machine's time) */
    clockStart?: number;
}
export interface RunningEmulator {
    environment: EmulatorEnvironment;
    port: number;
    stop(): Promise<void>;
    /** in-process access for tests and the deployments engine (not part of the HTTP contract) */
    context: EmulatorContext;
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
    const outDir = resolve(options.outDir);
    const vaultHostSuffix = (options.keyVaultDnsSuffix ?? 'vault.localhost').replace(/^\./, '').toLowerCase();
    // A non-default vault suffix must be in the certificate too, or no client can reach `<vault>.<suffix>` over TLS.
    const tls = ensureTls(outDir, [vaultHostSuffix, `*.${vaultHostSuffix}`]);
    const server = createServer({ key: tls.key, cert: tls.cert });
    server.keepAliveTimeout = 5000;
    // Node's HTTP server pauses a kept-alive connection's parser while a large response is still draining. Over TLS the
    // parser reads the connection natively, and records of the next request's body that were already decrypted still
    // reach the paused parser: it fails with HPE_PAUSED and the connection is dropped (the client sees "socket hang up",
    // and the Azure SDK retries after a backoff of about a second — e.g. a Resource Graph page, its body naming 1 000
    // subscriptions, sent after a 500 KB page). A 'data' listener makes the server parse from the socket's stream,
    // which holds data back while paused. (Node 20 and 24; test/integration/emulator/keepAlive.test.ts.)
    server.on('secureConnection', (socket: TLSSocket) => socket.on('data', () => undefined));
    await new Promise<void>((ok, fail) => {
        server.once('error', fail);
        server.listen(options.port ?? 0, '127.0.0.1', () => ok());
    });
    const port = (server.address() as AddressInfo).port;
    // The portal page is opened in people's browsers, which do not trust the emulator's CA: it is served over plain HTTP
    // on loopback (http://portal.localhost:<port>, which browsers resolve to loopback themselves). It holds no secret.
    const portalServer = createPlainServer((request, response) => {
        const reply = portalPage(ctx);
        response.writeHead(reply.status, reply.headers).end(reply.body);
    });
    await new Promise<void>((ok, fail) => {
        portalServer.once('error', fail);
        portalServer.listen(0, '127.0.0.1', () => ok());
    });
    const portalPort = (portalServer.address() as AddressInfo).port;
    const keyPool = new KeyPool(join(outDir, 'key-pool.json'));
    const seed = parseSeed(options.seed);
    const clock = new EmulatorClock(options.clockStart);
    const makeWorld = async (): Promise<World> => {
        const world = baseWorld();
        await seedWorld({ env: { keyVaultDnsSuffix: `.${vaultHostSuffix}:${port}` } as EmulatorEnvironment, keyPool, clock }, world, seed, options.seed ?? '');
        return world;
    };
    const ctx = {} as EmulatorContext;
    const persistence = options.statePath ? new StatePersistence(resolve(options.statePath), `.${vaultHostSuffix}:${port}`, () => ctx.world) : undefined;
    const world = persistence?.load() ?? (await makeWorld());
    Object.assign(ctx, {
        world,
        port,
        vaultHostSuffix,
        clock,
        lroPolls: options.lroPolls ?? 1,
        keyPool,
        faults: new FaultStore(),
        log: new RequestLog(),
        signingKey: loadSigningKey(join(outDir, 'signing-key.pem')),
        issued: new IssuedSecrets(join(outDir, 'issued-secrets.jsonl')),
        env: buildEnvironment(port, world, tls.caCertPath, vaultHostSuffix, portalPort),
        generation: 0,
        changed: () => {
            ctx.generation = (ctx.generation ?? 0) + 1;
            persistence?.schedule();
        },
        resetWorld: async () => {
            ctx.world = await makeWorld();
            ctx.issued.world(ctx.world);
            ctx.changed();
        },
    } satisfies EmulatorContext);
    writeEnvironmentFiles(outDir, ctx.env);
    ctx.issued.world(ctx.world);
    persistence?.schedule();
    server.on('request', createHandler(ctx, options.latencyMs ?? 0));
    return {
        environment: ctx.env,
        port,
        context: ctx,
        stop: async () => {
            await new Promise<void>((done) => {
                server.close(() => done());
                server.closeAllConnections();
            });
            await new Promise<void>((done) => {
                portalServer.close(() => done());
                portalServer.closeAllConnections();
            });
            persistence?.flush();
            await keyPool.idle();
        },
    };
}
