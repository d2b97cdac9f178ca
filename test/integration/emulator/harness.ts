import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { ClientSecretCredential } from '@azure/identity';
import { startEmulator, type RunningEmulator, type EmulatorOptions } from '../../emulator/index';

const repoRoot = join(__dirname, '..', '..', '..');

/** One emulator per test file, with its own output directory under test-results/. */
export async function startForSuite(name: string, options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
    const outDir = join(repoRoot, 'test-results', `emulator-${name}`);
    rmSync(join(outDir, 'state.json'), { force: true });
    return startEmulator({ port: 0, outDir, ...options });
}

/** Trust the emulator's CA in-process (core-rest-pipeline's tlsOptions), keeping the public roots. */
export function tlsOptionsFor(emulator: RunningEmulator): { ca: string[] } {
    return { ca: [...rootCertificates, readFileSync(emulator.environment.caCertPath, 'utf8')] };
}

/** Fast retries for tests that go through the SDK retry policy. */
export const clientOptions = (emulator: RunningEmulator): { tlsOptions: { ca: string[] }; retryOptions: { maxRetries: number } } => ({
    tlsOptions: tlsOptionsFor(emulator),
    retryOptions: { maxRetries: 3 },
});

export function credentialFor(
    emulator: RunningEmulator,
    clientId = emulator.environment.clientId,
    secret = emulator.environment.clientSecret,
): ClientSecretCredential {
    const env = emulator.environment;
    return new ClientSecretCredential(env.tenantId, clientId, secret, {
        authorityHost: env.authority,
        disableInstanceDiscovery: true,
        tlsOptions: tlsOptionsFor(emulator),
    });
}

/**
 * Plain HTTPS call to the emulator (admin API, raw protocol checks). The answer's `body` is the JSON as the emulator
 * sent it, typed `any` on purpose: each of the calling tests (some 150 reads across test/integration) asserts on the
 * shape it expects, and `unknown` would put a cast at every one of them.
 */
export async function call(
    emulator: RunningEmulator,
    method: string,
    url: string,
    init: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form answer JSON read by the tests (see above)
): Promise<{ status: number; headers: Record<string, string>; body: any }> {
    const { request } = await import('node:https');
    const target = new URL(url, emulator.environment.armEndpoint);
    const payload = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    return new Promise((resolve, reject) => {
        const req = request(
            target,
            {
                method,
                ca: tlsOptionsFor(emulator).ca,
                headers: {
                    ...(payload ? { 'content-type': typeof init.body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json' } : {}),
                    ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
                    ...(init.headers ?? {}),
                },
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () => {
                    const text = Buffer.concat(chunks).toString('utf8');
                    let body: unknown = text;
                    try {
                        body = text ? JSON.parse(text) : undefined;
                    } catch {
                        /* not JSON */
                    }
                    resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body });
                });
            },
        );
        req.on('error', reject);
        req.end(payload);
    });
}

export const admin = (emulator: RunningEmulator, method: string, path: string, body?: unknown): ReturnType<typeof call> =>
    call(emulator, method, `${emulator.environment.adminEndpoint}${path}`, { body });

export async function armToken(emulator: RunningEmulator): Promise<string> {
    return (await credentialFor(emulator).getToken(`${emulator.environment.armAudience}.default`)).token;
}

/**
 * Options every ARM client needs against the emulator. Modular (TypeSpec) clients read `credentials.scopes`
 * and default to management.azure.com whatever the endpoint; classic clients read `credentialScopes`.
 */
export function armOptions(emulator: RunningEmulator): {
    endpoint: string;
    credentials: { scopes: string[] };
    credentialScopes: string[];
    tlsOptions: { ca: string[] };
    retryOptions: { maxRetries: number };
} {
    const scope = `${emulator.environment.armAudience}.default`;
    return { endpoint: emulator.environment.armEndpoint, credentials: { scopes: [scope] }, credentialScopes: [scope], ...clientOptions(emulator) };
}
