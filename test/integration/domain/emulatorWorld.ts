import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { SubscriptionSource } from '../../../src/auth/SubscriptionSource';
import type { ClientOptions } from '../../../src/domain/clients/ClientOptions';
import type { CloudConfig } from '../../../src/domain/cloud/CloudConfig';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator';
import { adminJson } from '../../support/adminRequest';
import { connectToEmulator } from '../../support/connectToEmulator';

export interface EmulatorWorld {
    readonly emulator: RunningEmulator;
    readonly cloud: CloudConfig;
    readonly source: SubscriptionSource;
    requests(since?: number): Promise<{ lastSeq: number; requests: LoggedRequest[] }>;
    stop(): Promise<void>;
}

export interface LoggedRequest {
    seq: number;
    time: string;
    method: string;
    host: string;
    path: string;
    query: Record<string, string>;
    status: number;
    durationMs: number;
}

/** Fast failures in tests: the SDK's default retry waits would hide a broken emulator behind minutes of back-off. */
export const testClientOptions: ClientOptions = {
    retry: { maxRetries: 1, retryDelayInMs: 50, maxRetryDelayInMs: 200 },
    timeoutMs: 30000,
    lroPollIntervalMs: 50,
};

/**
 * Starts the emulator and connects to it exactly as a user would configure the extension: a custom cloud
 * (every endpoint from the emulator's environment, its CA as the extra certificate) and the `environment`
 * credential (service principal). No emulator-specific code path in src/.
 */
export async function startEmulatorWorld(options: Omit<EmulatorOptions, 'outDir'>, clientOptions: ClientOptions = testClientOptions): Promise<EmulatorWorld> {
    const outDir = mkdtempSync(path.join(tmpdir(), 'acr-cmk-domain-'));
    const emulator = await startEmulator({ port: 0, outDir, ...options });
    const env = emulator.environment;
    const { cloud, source } = await connectToEmulator(emulator.environment, readFileSync(emulator.environment.caCertPath, 'utf8'), clientOptions);
    return {
        emulator,
        cloud,
        source,
        requests: (since = 0) => adminJson(`${env.adminEndpoint}requests?since=${since}`, cloud.caCertificate ?? ''),
        async stop() {
            await emulator.stop();
            rmSync(outDir, { recursive: true, force: true });
        },
    };
}
