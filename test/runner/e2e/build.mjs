// Builds what the real VS Code loads: the extension bundle and the in-host test bundle.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './paths.mjs';

export const inHostSuiteSource = path.join(repoRoot, 'test', 'e2e', 'suite');
export const inHostSuiteOut = path.join(repoRoot, 'out', 'e2e', 'suite');

/** `npm run build` when the project defines it; otherwise the same esbuild bundle by hand. */
export async function buildExtension() {
    const scripts = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts ?? {};
    if (scripts.build) return run('npm', ['run', '--silent', 'build']);
    await build({
        entryPoints: [path.join(repoRoot, 'src', 'extension.ts')],
        outfile: path.join(repoRoot, 'dist', 'extension.js'),
        bundle: true,
        external: ['vscode'],
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: true,
        logLevel: 'warning',
    });
}

/** test/e2e/suite/**\/*.ts → out/e2e/suite/**\/*.js; `vscode` comes from the host, mocha from node_modules. */
/** `only`: a glob (relative to the repository, like `test/e2e/suite/azureResources*.test.ts`): the other test files are left out. */
export async function bundleInHostSuite(source = inHostSuiteSource, out = inHostSuiteOut, only = undefined) {
    rmSync(out, { recursive: true, force: true });
    const entryPoints = readdirSync(source, { recursive: true })
        .map(String)
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
        .map((file) => path.join(source, file))
        .filter((file) => !only || !file.endsWith('.test.ts') || path.matchesGlob(path.relative(repoRoot, file), only));
    if (only && !entryPoints.some((file) => file.endsWith('.test.ts'))) throw new Error(`no in-host test file matches ${only}`);
    await build({
        entryPoints,
        outdir: out,
        outbase: source,
        bundle: true,
        external: ['vscode', 'mocha'],
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: true,
        logLevel: 'warning',
    });
    return path.join(out, 'index');
}

function run(command, args) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
    });
}
