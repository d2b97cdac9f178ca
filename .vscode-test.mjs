#!/usr/bin/env node
// Desktop runner for machines with internet: `node .vscode-test.mjs` runs the very same in-host suites
// (test/e2e/suite) in VS Code desktop through @vscode/test-electron (which downloads VS Code), against the
// local emulator, configured only through the extension's settings. It writes test-results/e2e-electron.json.
// CI and the offline dev machines use test/runner/e2e.mjs (code-server) instead; this runner is not evidence there.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { bundleInHostSuite, buildExtension } from './test/runner/e2e/build.mjs';
import { startEmulatorProcess } from './test/runner/e2e/emulator.mjs';
import { stopAll } from './test/runner/e2e/processes.mjs';
import { extensionHostEnv, resolveLocalhostPreload, writeUserSettings } from './test/runner/e2e/settings.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const runDir = path.join(root, 'test-results', 'e2e-electron-run');
const resultFile = path.join(root, 'test-results', 'e2e-electron.json');

let exitCode = 1;
try {
    rmSync(runDir, { recursive: true, force: true });
    rmSync(resultFile, { force: true });
    const workspace = path.join(runDir, 'workspace');
    mkdirSync(workspace, { recursive: true });
    await buildExtension();
    const testsPath = await bundleInHostSuite();
    const { environment } = await startEmulatorProcess({ outDir: path.join(runDir, 'emulator'), logDir: path.join(runDir, 'logs') });
    const userDataDir = path.join(runDir, 'user-data');
    writeUserSettings(userDataDir, environment);
    exitCode = await runTests({
        version: 'stable',
        extensionDevelopmentPath: root,
        extensionTestsPath: testsPath,
        launchArgs: [
            workspace,
            '--disable-extensions',
            '--user-data-dir',
            userDataDir,
            '--extensions-dir',
            path.join(runDir, 'extensions'),
            '--disable-workspace-trust',
            '--skip-welcome',
            '--skip-release-notes',
        ],
        extensionTestsEnv: {
            ...extensionHostEnv(environment),
            // The desktop extension host keeps NODE_OPTIONS (code-server drops it): the RFC 6761 *.localhost preload.
            NODE_OPTIONS: resolveLocalhostPreload,
            E2E_EMULATOR_ADMIN: environment.adminEndpoint,
            E2E_EMULATOR_CA: environment.caCertPath,
            E2E_IN_HOST_RESULT_FILE: resultFile,
        },
    });
} catch (error) {
    // runTests rejects when the tests fail or VS Code cannot be downloaded/started.
    console.error(`[e2e-electron] ${error instanceof Error ? error.message : error}`);
} finally {
    await stopAll();
}
if (existsSync(resultFile)) console.log(readFileSync(resultFile, 'utf8'));
process.exitCode = exitCode === 0 ? 0 : 1;
