import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { azProcessEnv, collectProcess, hostNamesFor, hostsFileText, type AzEmulatorEnvironment, type AzResult } from './azProcess';

export { azJson, describeArgs, type AzResult } from './azProcess';
export { startAzSandbox, type AzSandbox, type AzSandboxOptions } from './azSandbox';
export { startSignedInSandbox, useSignedInSandbox, type SignedInSandbox } from './signedInSandbox';

export interface RunAzOptions {
    environment: AzEmulatorEnvironment;
    /** The emulator's `--out` directory (holds `az-cloud.json`). */
    outDir: string;
    /** AZURE_CONFIG_DIR; keep one per test run so `az cloud register`/`az login` carry over between calls. */
    configDir: string;
    /** Extra names to map to 127.0.0.1, e.g. vault hosts the CLI derives itself. */
    hostNames?: string[];
    timeoutMs?: number;
}

/**
 * Runs the stock `az` against an emulator already listening on this machine's loopback, inside a private
 * MOUNT namespace whose /etc/hosts (bind-mounted over the real one, never edited) maps `*.localhost`
 * names to 127.0.0.1. The network is shared, so the emulator may run in the calling process. For a fully
 * isolated network use startAzSandbox().
 */
export async function runAz(args: string[], options: RunAzOptions): Promise<AzResult> {
    const names = [...hostNamesFor(args, options.environment, path.join(options.outDir, 'az-cloud.json')), ...(options.hostNames ?? [])];
    const result = await runWithPrivateHosts('az', args, names, {
        env: azProcessEnv(options.environment, options.configDir),
        timeoutMs: options.timeoutMs ?? 120_000,
    });
    return { args, ...result };
}

/** Runs a command in a private mount namespace where /etc/hosts maps `hostNames` to 127.0.0.1. */
export async function runWithPrivateHosts(command: string, args: string[], hostNames: string[], options: { env: NodeJS.ProcessEnv; timeoutMs: number }) {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'az-hosts-'));
    try {
        const hostsFile = path.join(scratch, 'hosts');
        writeFileSync(hostsFile, hostsFileText(hostNames));
        // unshare makes the new mount namespace's propagation private, so the bind mount never reaches the host.
        const script = 'mount --bind "$0" /etc/hosts && exec "$@"';
        return await collectProcess('unshare', ['--mount', '--', 'sh', '-c', script, hostsFile, command, ...args], options);
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}
