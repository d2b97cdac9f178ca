#!/usr/bin/env node
// `npm start`: the extension in a real VS Code (code-server) wired to the local Azure emulator with sample
// data — several subscriptions, CMK and non-CMK registries, an RBAC vault and a firewalled vault.
// The world is kept in .playground/world.json so changes survive a restart; `npm start -- --reset` starts clean.
// VS Code opens signed out: Sign In goes through VS Code's Microsoft account (the test-only provider of
// test/e2e/fixtures/emulator-microsoft-auth) and the emulator's sign-in page, where one click picks a user.
// Options: --reset, --port <n> (code-server, default 8080 or a free one if taken), --service-principal (headless: the
// extension signs in with the emulator's service principal through the "environment" credential). Ctrl+C stops everything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const playgroundDir = path.join(repoRoot, '.playground');
const statePath = path.join(playgroundDir, 'world.json');
const args = process.argv.slice(2);
const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : undefined;

// The helpers below import esbuild and friends, so dependencies come first on a fresh clone.
if (!existsSync(path.join(repoRoot, 'node_modules'))) {
    console.log('[playground] npm ci');
    if (spawnSync('npm', ['ci'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) process.exit(1);
}
const { buildExtension } = await import('../runner/e2e/build.mjs');
const { freePort, startCodeServer } = await import('../runner/e2e/codeServer.mjs');
const { startEmulatorProcess } = await import('../runner/e2e/emulator.mjs');
const { ensureVsCodeHost } = await import('../runner/e2e/install.mjs');
const { stopAll } = await import('../runner/e2e/processes.mjs');
const { extensionHostEnv, extensionHostNodeArgs, writeSignInUserSettings, writeUserSettings } = await import('../runner/e2e/settings.mjs');
const { authProviderDir } = await import('../runner/e2e/signIn.mjs');
const { installExtension, installFolder } = await import('./installExtension.mjs');
const servicePrincipal = args.includes('--service-principal');

let stopping = false;
async function shutdown(code) {
    if (stopping) return;
    stopping = true;
    console.log('\n[playground] stopping…');
    await stopAll();
    process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
    if (args.includes('--reset')) {
        rmSync(statePath, { force: true });
        console.log('[playground] reset: starting from the sample world');
    }
    const logDir = path.join(playgroundDir, 'logs');
    const workspace = path.join(playgroundDir, 'workspace');
    mkdirSync(workspace, { recursive: true });
    const host = await ensureVsCodeHost();
    console.log('[playground] building the extension');
    await buildExtension();
    const { environment } = await startEmulatorProcess({ outDir: path.join(playgroundDir, 'emulator'), logDir, seed: 'sample', statePath });
    console.log(`[playground] emulator ${environment.armEndpoint} (world kept in ${path.relative(repoRoot, statePath)})`);
    const codeServerDir = path.join(playgroundDir, 'code-server');
    const extensionsDir = path.join(codeServerDir, 'extensions');
    installExtension({ extensionsDir });
    if (servicePrincipal) {
        writeUserSettings(path.join(codeServerDir, 'user-data'), environment);
    } else {
        writeSignInUserSettings(path.join(codeServerDir, 'user-data'), environment);
        installFolder(authProviderDir, extensionsDir);
    }
    const port = portArg ?? ((await isPortFree(8080)) ? 8080 : await freePort());
    const server = await startCodeServer({
        host,
        runDir: codeServerDir,
        logDir,
        folder: workspace,
        port,
        nodeArgs: extensionHostNodeArgs,
        ...(servicePrincipal
            ? { env: extensionHostEnv(environment) }
            : { env: { NODE_EXTRA_CA_CERTS: environment.caCertPath }, extraArgs: ['--vscode-option', 'disable-extension=vscode.microsoft-authentication'] }),
    });
    console.log(
        servicePrincipal
            ? '[playground] signed in as the emulator\'s service principal ("environment" credential)'
            : `[playground] signed out: Sign In opens the emulator's sign-in page (users: ${environment.users.map((u) => u.upn).join(', ')})`,
    );
    console.log(`[playground] logs in ${path.relative(repoRoot, logDir)}; Ctrl+C stops everything`);
    console.log(`playground ready ${server.url}`);
    const { code } = await server.process.exited;
    if (!stopping) {
        console.error(`[playground] code-server exited (${code}); see ${path.join(logDir, 'code-server.log')}`);
        await shutdown(1);
    }
} catch (error) {
    console.error(`[playground] ${error instanceof Error ? error.message : error}`);
    await shutdown(1);
}

async function isPortFree(port) {
    const { createServer } = await import('node:net');
    return new Promise((resolve) => {
        const probe = createServer()
            .once('error', () => resolve(false))
            .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
}
