// One code-server (a real VS Code: server + web workbench) per run, with its own user-data, extensions and
// XDG folders so nothing lands in $HOME, stopped by its process group.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { runToEnd, startProcess, waitForHttp } from './processes.mjs';

/**
 * @param {{ host: { node24: string, codeServerEntry: string, env: NodeJS.ProcessEnv }, runDir: string, logDir: string,
 *   folder: string, env?: NodeJS.ProcessEnv, nodeArgs?: string[], smokeTestDriver?: boolean, port?: number, echo?: boolean,
 *   name?: string, extraArgs?: string[] }} options  `extraArgs` go before the folder (e.g. `--locale zh-cn`); `name` names the log
 */
export async function startCodeServer({
    host,
    runDir,
    logDir,
    folder,
    env = {},
    nodeArgs = [],
    smokeTestDriver = false,
    port,
    echo = false,
    name = 'code-server',
    extraArgs = [],
}) {
    const layout = codeServerLayout(host, runDir);
    const listenPort = port ?? (await freePort());
    const args = [
        ...nodeArgs,
        host.codeServerEntry,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${listenPort}`,
        ...layout.dirArgs,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
    ];
    // Without this flag the built workbench ignores the extensionTestsPath payload.
    if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
    args.push(...extraArgs, folder);
    const server = startProcess(name, host.node24, args, { env: { ...layout.env, ...env }, logDir, echo });
    const url = `http://127.0.0.1:${listenPort}/`;
    const exitedEarly = server.exited.then(({ code }) => `${name} exited (${code}) before /healthz answered; see ${name}.log`);
    const failure = await Promise.race([
        waitForHttp(`${url}healthz`, 60000).then(
            () => undefined,
            (error) => error.message,
        ),
        exitedEarly,
    ]);
    if (failure) {
        await server.stop();
        throw new Error(failure);
    }
    return { url, port: listenPort, stop: () => server.stop(), process: server };
}

/** The folders of one code-server profile (user data, extensions, XDG_*), created, and the args/env naming them. */
export function codeServerLayout(host, runDir) {
    const dirs = Object.fromEntries(
        ['user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'xdg-state'].map((name) => [name, path.join(runDir, name)]),
    );
    for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
    return {
        dirArgs: ['--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions],
        env: {
            ...host.env,
            XDG_CONFIG_HOME: dirs['xdg-config'],
            XDG_DATA_HOME: dirs['xdg-data'],
            XDG_CACHE_HOME: dirs['xdg-cache'],
            XDG_STATE_HOME: dirs['xdg-state'],
        },
    };
}

/** A free loopback port (code-server needs a concrete one: it is part of the payload URIs). */
export function freePort() {
    return new Promise((resolve, reject) => {
        const probe = createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
            probe.close(() => resolve(port));
        });
    });
}

/**
 * Packages a test-only extension folder (VSIX, with the project's own vsce) and installs it into the profile in `runDir`
 * with code-server's own `--install-extension`, as a person installs a VSIX.
 * @param {{ node24: string, codeServerEntry: string, env: NodeJS.ProcessEnv }} host
 */
export async function installTestExtension(host, runDir, extensionDir, vsixName) {
    mkdirSync(runDir, { recursive: true });
    const vsix = path.join(runDir, vsixName);
    await runToEnd(
        process.execPath,
        [
            path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'),
            'package',
            '--no-dependencies',
            '--allow-missing-repository',
            '--skip-license',
            '--out',
            vsix,
        ],
        { cwd: extensionDir, env: process.env },
    );
    const layout = codeServerLayout(host, runDir);
    await runToEnd(host.node24, [host.codeServerEntry, ...layout.dirArgs, '--install-extension', vsix], { env: layout.env });
}
