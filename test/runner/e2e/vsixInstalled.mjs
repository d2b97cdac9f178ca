// The "packaged extension" check: `npm run package` builds dist/acr-cmk.vsix (vsce), code-server's own CLI installs it
// into a fresh extensions dir, and a code-server started on that dir (no extensionDevelopmentPath payload, so the
// extension can only come from the installed VSIX) runs the Playwright tests in test/e2e/vsix/.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { codeServerLayout, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';
import { runToEnd } from './processes.mjs';
import { extensionHostEnv, extensionHostNodeArgs, writeUserSettings } from './settings.mjs';
import { runUiSuite } from './uiSuite.mjs';

export const vsixPath = path.join(repoRoot, 'dist', 'acr-cmk.vsix');
const manifest = () => JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
/** `publisher.name`, lower case, the way VS Code identifies installed extensions. */
export const extensionId = () => `${manifest().publisher}.${manifest().name}`.toLowerCase();

/** `npm run package` — the project's one way to make the VSIX (build + `vsce package`). */
export async function packageVsix() {
    rmSync(vsixPath, { force: true });
    await runToEnd('npm', ['run', '--silent', 'package'], { cwd: repoRoot, env: process.env });
    if (!existsSync(vsixPath)) throw new Error(`npm run package did not write ${path.relative(repoRoot, vsixPath)}`);
    return vsixPath;
}

/**
 * `code-server --install-extension <vsix>` into the profile in `runDir` (its own extensions dir), with Node 24 like
 * the server itself. Returns the extensions dir and the folder the extension was unpacked to.
 * @param {{ host: { node24: string, codeServerEntry: string, env: NodeJS.ProcessEnv }, runDir: string, vsix: string }} options
 */
export async function installVsix({ host, runDir, vsix }) {
    const layout = codeServerLayout(host, runDir);
    const output = await installExtension({ host, runDir, vsix });
    const extensionsDir = path.join(runDir, 'extensions');
    const listed = await runToEnd(host.node24, [host.codeServerEntry, ...layout.dirArgs, '--list-extensions', '--show-versions'], { env: layout.env });
    const id = extensionId();
    const entry = readInstalledIndex(extensionsDir).find((item) => item.identifier?.id?.toLowerCase() === id);
    if (!entry) throw new Error(`${id} is not in ${extensionsDir}/extensions.json after --install-extension:\n${output}`);
    return { extensionsDir, installedDir: entry.location?.path ?? path.join(extensionsDir, entry.relativeLocation), listed: listed.trim().split('\n') };
}

/** `code-server --install-extension <vsix>` (any extension) into the profile in `runDir`; resolves with the CLI's output. */
export function installExtension({ host, runDir, vsix }) {
    const layout = codeServerLayout(host, runDir);
    return runToEnd(host.node24, [host.codeServerEntry, ...layout.dirArgs, '--install-extension', vsix], { env: layout.env });
}

/** `<extensions dir>/extensions.json`: the server's index of installed extensions (what `--list-extensions` reads). */
export function readInstalledIndex(extensionsDir) {
    const file = path.join(extensionsDir, 'extensions.json');
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
}

/**
 * Installs the VSIX into a fresh profile, starts code-server on it wired to the emulator through the same settings
 * as the development runs, and runs test/e2e/vsix/** against it.
 * @param {{ host: any, vsix: string, environment: import('../../emulator/index').EmulatorEnvironment, runDir: string,
 *   logDir: string, workspace: string, screenshotDir: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ passed: number, failed: number, failures: string[] }>}
 */
export async function runVsixInstalledSuite({ host, vsix, environment, runDir, logDir, workspace, screenshotDir, env = {} }) {
    rmSync(runDir, { recursive: true, force: true });
    const installed = await installVsix({ host, runDir, vsix });
    writeUserSettings(path.join(runDir, 'user-data'), environment);
    const server = await startCodeServer({
        host,
        runDir,
        logDir,
        folder: workspace,
        name: 'code-server-vsix',
        nodeArgs: extensionHostNodeArgs,
        env: { ...extensionHostEnv(environment), ...env },
    });
    try {
        return await runUiSuite({
            name: 'vsix-installed-tests',
            specs: 'test/e2e/vsix/**/*.test.ts',
            resultFile: path.join(runDir, 'vsix-installed.json'),
            logDir,
            timeoutMs: 180000,
            env: {
                ...env,
                E2E_SERVER_URL: server.url,
                E2E_WORKSPACE: workspace,
                E2E_SCREENSHOT_DIR: screenshotDir,
                E2E_VSIX: vsix,
                E2E_EXTENSION_DIR: installed.installedDir,
                E2E_EXTENSIONS_DIR: installed.extensionsDir,
                E2E_INSTALLED_EXTENSION_DIR: installed.installedDir,
                E2E_LISTED_EXTENSIONS: installed.listed.join(','),
            },
        });
    } finally {
        await server.stop();
    }
}
