// Starts the Azure emulator through its public command (`npm run emulator`) in its own process group and
// returns the environment it wrote (endpoints, tenant, service principal, CA path).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startProcess } from './processes.mjs';
import { repoRoot } from './paths.mjs';

/**
 * @param {{ outDir: string, logDir: string, seed?: string, statePath?: string, port?: number, echo?: boolean }} options
 */
export async function startEmulatorProcess({ outDir, logDir, seed = 'sample', statePath, port = 0, echo = false }) {
    const args = ['run', '--silent', 'emulator', '--', '--port', String(port), '--out', outDir, '--seed', seed];
    if (statePath) args.push('--state', statePath);
    const emulator = startProcess('emulator', 'npm', args, { cwd: repoRoot, env: process.env, logDir, echo });
    try {
        await emulator.waitForLine(/emulator ready (\S+)/, 90000);
    } catch (error) {
        await emulator.stop();
        throw error;
    }
    /** @type {import('../../emulator/index').EmulatorEnvironment} */
    const environment = JSON.parse(readFileSync(path.join(outDir, 'environment.json'), 'utf8'));
    environment.caCertPath = path.resolve(outDir, environment.caCertPath);
    return { environment, stop: () => emulator.stop() };
}
