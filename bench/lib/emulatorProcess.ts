import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { EmulatorEnvironment } from '../../test/emulator';
import { adminJson } from '../../test/support/adminRequest';
import type { LoggedRequest } from './requestLog';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const resolveLocalhost = path.join(repoRoot, 'test', 'support', 'resolve-localhost.cjs');
/**
 * The emulator's pre-generated RSA keys (test material), kept between bench emulators: a fresh out dir would make
 * the first key created through the API wait 0.5–3 s for RSA generation — the emulator's cost, not the flow's.
 */
const keyPoolCache = path.join(repoRoot, '.cache', 'bench', 'key-pool.json');

export interface EmulatorProcess {
    readonly environment: EmulatorEnvironment;
    readonly outDir: string;
    readonly ca: string;
    readonly pid: number;
    requests(since?: number): Promise<{ lastSeq: number; requests: LoggedRequest[] }>;
    stop(): Promise<void>;
}

export interface EmulatorProcessOptions {
    seed?: string;
    latencyMs?: number;
    lroPolls?: number;
    readyTimeoutMs?: number;
    /** e.g. --cpu-prof */ nodeArgs?: string[];
}

/**
 * Runs `test/emulator/main.ts` in its own Node process (the emulator's CPU is not the measured process's) and
 * waits for its `emulator ready` line, with a deadline.
 */
export async function startEmulatorProcess(options: EmulatorProcessOptions): Promise<EmulatorProcess> {
    const outDir = mkdtempSync(path.join(tmpdir(), 'acr-cmk-bench-'));
    if (existsSync(keyPoolCache)) {
        copyFileSync(keyPoolCache, path.join(outDir, 'key-pool.json'));
    }
    const args = [...(options.nodeArgs ?? []), '--require', 'tsx/cjs', path.join(repoRoot, 'test', 'emulator', 'main.ts'), '--port', '0', '--out', outDir];
    if (options.seed) {
        args.push('--seed', options.seed);
    }
    if (options.latencyMs) {
        args.push('--latency-ms', String(options.latencyMs));
    }
    if (options.lroPolls !== undefined) {
        args.push('--lro-polls', String(options.lroPolls));
    }
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    await waitForReady(child, options.readyTimeoutMs ?? 180_000);
    const environment = JSON.parse(readFileSync(path.join(outDir, 'environment.json'), 'utf8')) as EmulatorEnvironment;
    const ca = readFileSync(environment.caCertPath, 'utf8');
    return {
        environment,
        outDir,
        ca,
        pid: child.pid!,
        requests: (since = 0) => adminJson(`${environment.adminEndpoint}requests?since=${since}`, ca),
        stop: async () => {
            await stopChild(child); // the emulator waits for its key pool refills before it exits
            const pool = path.join(outDir, 'key-pool.json');
            if (existsSync(pool)) {
                mkdirSync(path.dirname(keyPoolCache), { recursive: true });
                copyFileSync(pool, keyPoolCache);
            }
            rmSync(outDir, { recursive: true, force: true });
        },
    };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => {
            child.kill('SIGTERM');
            reject(new Error(`emulator not ready after ${timeoutMs} ms: ${output}`));
        }, timeoutMs);
        const onData = (chunk: Buffer) => {
            output += chunk.toString();
            if (/emulator ready /.test(output)) {
                clearTimeout(timer);
                resolve();
            }
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', (chunk: Buffer) => {
            output += chunk.toString();
        });
        child.once('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`emulator exited (${code}) before ready: ${output}`));
        });
    });
}

/** SIGTERM, then wait for the exit (SIGKILL after 10 s). */
export function stopChild(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) {
        return Promise.resolve();
    }
    return new Promise((resolve) => {
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
            clearTimeout(force);
            resolve();
        });
        child.kill('SIGTERM');
    });
}
