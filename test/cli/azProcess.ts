import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

// Shared by both ways of running the stock Azure CLI (see README.md): the environment it runs with, the
// private hosts file that makes `<vault>.vault.localhost` resolve, and collecting a process's output.

/** The parts of the emulator's environment.json the Azure CLI needs. */
export interface AzEmulatorEnvironment {
    caCertPath: string;
    armEndpoint: string;
    keyVaultDnsSuffix: string;
}

export interface AzResult {
    args: string[];
    exitCode: number;
    stdout: string;
    stderr: string;
}

export function azProcessEnv(environment: AzEmulatorEnvironment, configDir: string): NodeJS.ProcessEnv {
    return {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/root',
        LANG: 'C.UTF-8',
        AZURE_CONFIG_DIR: configDir, // fresh per run: no cached clouds, accounts or tokens leak between runs
        AZURE_CORE_COLLECT_TELEMETRY: 'false',
        AZURE_CORE_NO_COLOR: 'true',
        AZURE_CORE_OUTPUT: 'json',
        AZURE_CORE_ONLY_SHOW_ERRORS: 'true',
        REQUESTS_CA_BUNDLE: environment.caCertPath, // requests and MSAL trust the emulator's CA
    };
}

/**
 * Host names the hosts file must map to loopback for these arguments: every `*.localhost` host in the
 * arguments and in the emulator's `az-cloud.json`, plus `<name>.vault.localhost` for vault names given
 * to `az keyvault` commands (the CLI may derive the vault URL from the name).
 */
export function hostNamesFor(args: string[], environment: AzEmulatorEnvironment, cloudConfigPath: string): string[] {
    const names = new Set(['localhost', 'management.localhost']);
    const vaultHostSuffix = environment.keyVaultDnsSuffix.replace(/^\./, '').replace(/:\d+$/, '');
    const texts = [...args, environment.armEndpoint, safeRead(cloudConfigPath)];
    for (const text of texts) for (const match of text.matchAll(/[A-Za-z0-9.-]+\.localhost\b/g)) names.add(match[0].toLowerCase());
    if (args[0] === 'keyvault') {
        for (let i = 1; i < args.length - 1; i++) {
            if (['--name', '-n', '--vault-name'].includes(args[i]!)) names.add(`${args[i + 1]!.toLowerCase()}.${vaultHostSuffix}`);
        }
    }
    return [...names].filter((name) => /^[a-z0-9.-]+$/.test(name));
}

export function hostsFileText(names: Iterable<string>): string {
    return `# private hosts file of an Azure CLI test namespace\n127.0.0.1 ${[...names].join(' ')}\n::1 ip6-localhost\n`;
}

/** Runs a process to completion and collects its output; a deadline kills it (and reports exit code -1). */
export function collectProcess(
    command: string,
    args: string[],
    options: { env: NodeJS.ProcessEnv; timeoutMs: number; cwd?: string },
): Promise<Omit<AzResult, 'args'>> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
        child.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ exitCode: code ?? -1, stdout, stderr: signal ? `${stderr}\n[killed by ${signal} after ${options.timeoutMs} ms]` : stderr });
        });
    });
}

/** The JSON an az command printed; a failed command throws with its (secret-free) arguments and stderr. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function azJson<T = any>(result: AzResult): T {
    if (result.exitCode !== 0) throw new Error(`az ${describeArgs(result.args)} exited ${result.exitCode}:\n${result.stderr}`);
    return (result.stdout.trim() ? JSON.parse(result.stdout) : null) as T;
}

/** Arguments for messages, with the value after a password option masked. */
export function describeArgs(args: string[]): string {
    return args.map((arg, i) => (['-p', '--password'].includes(args[i - 1] ?? '') ? '***' : arg)).join(' ');
}

function safeRead(file: string): string {
    try {
        return readFileSync(file, 'utf8');
    } catch {
        return '';
    }
}
