import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EmulatorEnvironment, EmulatorOptions } from '../emulator';
import { hostsFileText, type AzResult } from './azProcess';
import type { SandboxDriverConfig } from './azSandboxDriver';

export interface AzSandboxOptions {
    /** Passed to startEmulator() inside the namespace (port and outDir are the sandbox's). */
    emulator?: Omit<EmulatorOptions, 'port' | 'outDir'>;
    /** The emulator's port inside the namespace (default: any free one); 443 serves login servers without a port, as ACR. */
    port?: number;
    startTimeoutMs?: number;
}

export interface AzSandbox {
    environment: EmulatorEnvironment;
    outDir: string;
    cloudConfigPath: string;
    /** Runs `az <args>` inside the namespace with the sandbox's own AZURE_CONFIG_DIR. */
    az(args: string[], options?: { timeoutMs?: number }): Promise<AzResult>;
    /** Runs another program inside the namespace (PATH and LANG only, plus `env`), with `hostNames` mapped to loopback. */
    run(command: string, args: string[], options?: { env?: Record<string, string>; hostNames?: string[]; timeoutMs?: number }): Promise<AzResult>;
    /** An HTTPS request made from inside the namespace (trusting the emulator's CA), e.g. to the admin API. */
    request(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
    stop(): Promise<void>;
}

const DRIVER = path.join(__dirname, 'azSandboxDriver.ts');

/**
 * Starts an emulator and runs the stock Azure CLI against it inside a private network + mount namespace:
 * only loopback exists there (nothing can reach a real Azure host), and /etc/hosts is a private file
 * bind-mounted over the real one. Test code talks to the driver inside over a Unix socket, whose path
 * lives on the shared filesystem and so crosses the network namespace boundary.
 */
export async function startAzSandbox(options: AzSandboxOptions = {}): Promise<AzSandbox> {
    const root = mkdtempSync(path.join(os.tmpdir(), 'az-sandbox-'));
    const config: SandboxDriverConfig = {
        socketPath: path.join(root, 'driver.sock'),
        outDir: path.join(root, 'emulator'),
        configDir: path.join(root, 'azure-config'),
        hostsFile: path.join(root, 'hosts'),
        emulator: options.emulator ?? {},
        port: options.port,
    };
    writeFileSync(config.hostsFile, hostsFileText(['localhost']));
    const script = 'ip link set lo up && mount --bind "$0" /etc/hosts && exec "$@"';
    const driverCommand = [process.execPath, '--require', require.resolve('tsx/cjs'), DRIVER, JSON.stringify(config)];
    const child = spawn('unshare', ['--net', '--mount', '--', 'sh', '-c', script, config.hostsFile, ...driverCommand], {
        stdio: ['pipe', 'pipe', 'pipe'], // the driver exits when our stdin pipe closes, so it never outlives us
        cwd: path.join(__dirname, '..', '..'),
    });
    try {
        await waitForReady(child, options.startTimeoutMs ?? 60_000);
    } catch (error) {
        child.kill('SIGKILL');
        rmSync(root, { recursive: true, force: true });
        throw error;
    }
    const environment = JSON.parse(readFileSync(path.join(config.outDir, 'environment.json'), 'utf8')) as EmulatorEnvironment;
    const call = (route: string, payload: unknown) => rpc(config.socketPath, route, payload);
    return {
        environment,
        outDir: config.outDir,
        cloudConfigPath: path.join(config.outDir, 'az-cloud.json'),
        az: (args, callOptions) => call('/az', { args, timeoutMs: callOptions?.timeoutMs }) as Promise<AzResult>,
        run: (command, args, runOptions) => call('/run', { command, args, ...runOptions }) as Promise<AzResult>,
        request: (method, url, body) => call('/request', { method, url, body }) as Promise<{ status: number; body: unknown }>,
        async stop() {
            await call('/stop', {}).catch(() => undefined);
            await exited(child, 10_000);
            rmSync(root, { recursive: true, force: true });
        },
    };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
        let stdout = '';
        let stderr = '';
        const timer = setTimeout(() => reject(new Error(`az sandbox not ready after ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
        child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
            stdout += chunk;
            if (/^sandbox ready$/m.test(stdout)) {
                clearTimeout(timer);
                resolve();
            }
        });
        child.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`az sandbox exited (${code}) before it was ready:\n${stderr}`));
        });
    });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
        }, timeoutMs);
        child.on('exit', () => {
            clearTimeout(timer);
            resolve();
        });
        child.stdin!.end();
    });
}

function rpc(socketPath: string, route: string, payload: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
        const request = http.request({ socketPath, path: route, method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
            let text = '';
            response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
            response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`sandbox ${route}: ${text}`))));
        });
        request.on('error', reject);
        request.end(JSON.stringify(payload));
    });
}
