import { appendFileSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as path from 'node:path';
import { startEmulator, type EmulatorOptions } from '../emulator';
import { azProcessEnv, collectProcess, hostNamesFor } from './azProcess';

// Runs INSIDE the private network + mount namespace made by azSandbox.ts: starts the emulator there and
// serves the test's requests (run az, make an HTTPS request) on a Unix socket.
export interface SandboxDriverConfig {
    socketPath: string;
    outDir: string;
    configDir: string;
    hostsFile: string;
    emulator: Omit<EmulatorOptions, 'port' | 'outDir'>;
    /** the emulator's port inside the namespace (default: any free one); 443 gives login servers without a port */
    port?: number;
}

async function main(): Promise<void> {
    const config = JSON.parse(process.argv[2]!) as SandboxDriverConfig;
    const emulator = await startEmulator({ ...config.emulator, port: config.port ?? 0, outDir: config.outDir });
    const { environment } = emulator;
    const cloudConfigPath = path.join(config.outDir, 'az-cloud.json');
    const ca = readFileSync(environment.caCertPath);
    const mapped = new Set<string>(['localhost']);
    // The bind mount shows this very file as /etc/hosts, so appended names resolve from the next lookup on.
    const mapHosts = (names: string[]) => {
        const added = names.filter((name) => !mapped.has(name));
        added.forEach((name) => mapped.add(name));
        if (added.length > 0) appendFileSync(config.hostsFile, `127.0.0.1 ${added.join(' ')}\n`);
    };
    mapHosts(hostNamesFor([], environment, cloudConfigPath));

    // Each route's payload is the JSON that azSandbox.ts (this driver's one client) sends for it.
    const routes: Record<string, (payload: unknown) => Promise<unknown>> = {
        '/az': async (payload) => {
            const { args, timeoutMs } = payload as { args: string[]; timeoutMs?: number };
            mapHosts(hostNamesFor(args, environment, cloudConfigPath));
            const result = await collectProcess('az', args, { env: azProcessEnv(environment, config.configDir), timeoutMs: timeoutMs ?? 120_000 });
            return { args, ...result };
        },
        '/run': async (payload) => {
            const { command, args, env, hostNames, timeoutMs } = payload as {
                command: string;
                args: string[];
                env?: Record<string, string>;
                hostNames?: string[];
                timeoutMs?: number;
            };
            mapHosts([...hostNamesFor(args, environment, cloudConfigPath), ...(hostNames ?? [])]);
            const result = await collectProcess(command, args, {
                env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...env },
                timeoutMs: timeoutMs ?? 120_000,
            });
            return { args, ...result };
        },
        '/request': async (payload) => {
            const { method, url, body } = payload as { method: string; url: string; body?: unknown };
            mapHosts([new URL(url).hostname]);
            return httpsJson(method, url, body, ca);
        },
        '/stop': async () => {
            setImmediate(() => void shutdown());
            return {};
        },
    };
    const server = http.createServer((request, response) => {
        let text = '';
        request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        request.on('end', () => {
            const route = routes[request.url ?? ''];
            if (!route) {
                response.writeHead(404).end('no such route');
                return;
            }
            route(JSON.parse(text || '{}')).then(
                (result) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
                (error: unknown) => response.writeHead(500).end(String(error instanceof Error ? error.stack : error)),
            );
        });
    });
    let stopping = false;
    const shutdown = async () => {
        if (stopping) return;
        stopping = true;
        server.close();
        await emulator.stop();
        process.exit(0);
    };
    process.stdin.on('end', () => void shutdown()).resume(); // the test process went away
    server.listen(config.socketPath, () => process.stdout.write('sandbox ready\n'));
}

function httpsJson(method: string, url: string, body: unknown, ca: Buffer): Promise<{ status: number; body: unknown }> {
    return new Promise((resolve, reject) => {
        const request = https.request(url, { method, ca, headers: body === undefined ? {} : { 'content-type': 'application/json' } }, (response) => {
            let text = '';
            response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
            response.on('end', () => {
                let parsed: unknown = text;
                try {
                    parsed = text ? JSON.parse(text) : null;
                } catch {
                    /* not JSON: keep the text */
                }
                resolve({ status: response.statusCode ?? 0, body: parsed });
            });
        });
        request.on('error', reject);
        request.end(body === undefined ? undefined : JSON.stringify(body));
    });
}

main().catch((error: unknown) => {
    process.stderr.write(`az sandbox driver failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
});
