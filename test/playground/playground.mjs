#!/usr/bin/env node
// `npm start`: the extension in a real VS Code (code-server) wired to the local Azure emulator with sample
// data — several subscriptions, CMK and non-CMK registries, an RBAC vault and a firewalled vault.
// The world is kept in .playground/world.json so changes survive a restart; `npm start -- --reset` starts clean.
// Options: --reset, --port <n> (code-server, default 8080 or a free one if taken). Ctrl+C stops everything.
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
const { extensionHostEnv, extensionHostNodeArgs, writeUserSettings } = await import('../runner/e2e/settings.mjs');
const { installExtension } = await import('./installExtension.mjs');

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
  writeUserSettings(path.join(codeServerDir, 'user-data'), environment);
  installExtension({ extensionsDir: path.join(codeServerDir, 'extensions') });
  const port = portArg ?? (await isPortFree(8080) ? 8080 : await freePort());
  const server = await startCodeServer({
    host, runDir: codeServerDir, logDir, folder: workspace, port,
    nodeArgs: extensionHostNodeArgs, env: extensionHostEnv(environment),
  });
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
    const probe = createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
