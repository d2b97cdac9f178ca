#!/usr/bin/env node
// `npm run test:e2e`: the suites that run inside a real VS Code (code-server + Debian Chromium).
// 1. installs what is missing (cached), 2. builds the extension and the in-host test bundle,
// 3. starts the emulator (sample world) and code-server wired to it through the extension's settings,
// 4. runs mocha inside the real extension host, then the Playwright UI tests, 5. runs the zh-cn UI tests in a
// second code-server started in Chinese (test-only language pack; prepared while 4. runs), 6. installs the VSIX from
// `npm run package` into a third code-server (fresh extensions dir, no development payload) and checks it there, 7. stops everything.
// Writes test-results/e2e.json = {passed, failed, failures}; a suite that cannot start counts as failed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './e2e/browser.mjs';
import { bundleInHostSuite, buildExtension } from './e2e/build.mjs';
import { startCodeServer } from './e2e/codeServer.mjs';
import { startEmulatorProcess } from './e2e/emulator.mjs';
import { runInHostSuite } from './e2e/inHost.mjs';
import { ensureVsCodeHost } from './e2e/install.mjs';
import { repoRoot, resultsDir } from './e2e/paths.mjs';
import { stopAll } from './e2e/processes.mjs';
import { extensionHostEnv, extensionHostNodeArgs, writeUserSettings } from './e2e/settings.mjs';
import { startSignInCodeServer } from './e2e/signIn.mjs';
import { runUiSuite } from './e2e/uiSuite.mjs';
import { packageVsix, runVsixInstalledSuite } from './e2e/vsixInstalled.mjs';
import { startZhCnCodeServer } from './e2e/zhCn.mjs';

const RUN_DEADLINE_MS = 35 * 60 * 1000;
// test/runner/test.mjs names our result file in MOCHA_RESULT_FILE; we write it ourselves (below), and no child
// (the UI mocha run, code-server, the extension host) may inherit it and overwrite it with partial counts.
delete process.env.MOCHA_RESULT_FILE;
const artifactsDir = path.join(resultsDir, 'e2e'); // screenshots + logs, kept for inspection
const runDir = path.join(resultsDir, 'e2e-run'); // code-server profile, workspace: fresh every run
const logDir = path.join(artifactsDir, 'logs');
const resultFile = path.join(resultsDir, 'e2e.json');
// `--ui <glob>`: only the English UI suite, only those specs (a developer's loop; `npm test` never passes it).
const uiIndex = process.argv.indexOf('--ui');
const uiOnlySpecs = uiIndex >= 0 ? process.argv[uiIndex + 1] : undefined;
// `--sign-in`: only the sign-in suite (its own code-server; a developer's loop).
const signInOnly = process.argv.includes('--sign-in');
// `--in-host <glob>`: only the in-host suite, only the test files the glob matches (e.g. 'test/e2e/suite/azureResources*.test.ts').
const inHostIndex = process.argv.indexOf('--in-host');
const inHostOnlySpecs = inHostIndex >= 0 ? process.argv[inHostIndex + 1] : undefined;
const allSuites = {
    inHost: 'in-host (mocha in the real extension host)',
    ui: 'UI (Playwright on the workbench)',
    journey: 'journeys (Playwright: every flow as a person walks it)',
    uiZhCn: 'UI in zh-cn (Playwright, display language Chinese)',
    signIn: "sign-in (Playwright: VS Code's Microsoft account against the emulator's identity platform)",
    vsixInstalled: 'installed VSIX (npm run package → code-server --install-extension, Playwright)',
};
const suites = uiOnlySpecs ? { ui: allSuites.ui } : signInOnly ? { signIn: allSuites.signIn } : inHostOnlySpecs ? { inHost: allSuites.inHost } : allSuites;
const signInSpecs = 'test/e2e/signIn/**/*.test.ts';
const journeySpecs = 'test/e2e/journey/**/*.journey.test.ts';
const results = {};
const started = Date.now();

function record(suite, result) {
    results[suite] = result;
    console.log(`[e2e] ${suites[suite]}: ${result.passed} passed, ${result.failed} failed`);
}

function writeResults(reason) {
    for (const suite of Object.keys(suites)) results[suite] ??= { passed: 0, failed: 1, failures: [`${suites[suite]} did not run: ${reason ?? 'unknown'}`] };
    const all = Object.values(results);
    const total = { passed: all.reduce((n, r) => n + r.passed, 0), failed: all.reduce((n, r) => n + r.failed, 0), failures: all.flatMap((r) => r.failures) };
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(resultFile, JSON.stringify(total, null, 2));
    console.log(`[e2e] ${total.passed} passed, ${total.failed} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return total;
}

async function abort(reason) {
    console.error(`[e2e] ${reason}; stopping everything`);
    await stopAll();
    process.exit(writeResults(reason).failed === 0 ? 0 : 1);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => abort(`received ${signal}`));
setTimeout(() => abort(`run exceeded ${RUN_DEADLINE_MS / 60000} min`), RUN_DEADLINE_MS).unref();

async function main() {
    rmSync(runDir, { recursive: true, force: true });
    rmSync(artifactsDir, { recursive: true, force: true });
    const workspace = path.join(runDir, 'workspace');
    mkdirSync(workspace, { recursive: true });
    const host = await ensureVsCodeHost();
    console.log('[e2e] building the extension and the in-host suite');
    await buildExtension();
    const testsPath = await bundleInHostSuite(undefined, undefined, inHostOnlySpecs);
    // Packaged now, before any suite loads dist/ (npm run package rebuilds it); a failure only fails the VSIX suite.
    const packaged =
        uiOnlySpecs || signInOnly || inHostOnlySpecs
            ? { error: 'skipped' }
            : await packageVsix().then(
                  (file) => ({ file }),
                  (error) => ({ error: `npm run package failed: ${error.message}` }),
              );
    const emulator = await startEmulatorProcess({ outDir: path.join(resultsDir, 'e2e-emulator'), logDir });
    const { environment } = emulator;
    const codeServerDir = path.join(runDir, 'code-server');
    writeUserSettings(path.join(codeServerDir, 'user-data'), environment);
    const inHostResultFile = path.join(runDir, 'in-host.json');
    const sharedEnv = {
        E2E_EMULATOR_ADMIN: environment.adminEndpoint,
        E2E_EMULATOR_CA: environment.caCertPath,
        E2E_EMULATOR_ENVIRONMENT: path.join(resultsDir, 'e2e-emulator', 'environment.json'),
    };
    const signInDir = path.join(runDir, 'code-server-sign-in');
    const signInEnv = (url) => ({ ...sharedEnv, E2E_SERVER_URL: url, E2E_WORKSPACE: workspace, E2E_EXTENSION_DIR: repoRoot, E2E_SCREENSHOT_DIR: artifactsDir });
    const startSignIn = () =>
        startSignInCodeServer({ environment, host, runDir: signInDir, logDir, folder: workspace, smokeTestDriver: true, nodeArgs: extensionHostNodeArgs });
    if (signInOnly) {
        const signInServer = await startSignIn();
        record(
            'signIn',
            await runUiSuite({
                name: 'sign-in-tests',
                specs: signInSpecs,
                timeoutMs: 10 * 60 * 1000,
                resultFile: path.join(runDir, 'sign-in.json'),
                logDir,
                env: signInEnv(signInServer.url),
            }),
        );
        return;
    }
    const server = await startCodeServer({
        host,
        runDir: codeServerDir,
        logDir,
        folder: workspace,
        smokeTestDriver: true,
        nodeArgs: extensionHostNodeArgs,
        env: { ...extensionHostEnv(environment), ...sharedEnv, E2E_IN_HOST_RESULT_FILE: inHostResultFile },
    });
    console.log(`[e2e] code-server ${server.url}, emulator ${environment.armEndpoint}`);
    // The zh-cn server (own profile, same emulator and settings) gets ready while the English suites run.
    const zhCnDir = path.join(runDir, 'code-server-zh-cn');
    writeUserSettings(path.join(zhCnDir, 'user-data'), environment);
    // smokeTestDriver: as for the English server, the built workbench honours the extensionDevelopmentPath payload only with it.
    const zhCnServer =
        uiOnlySpecs || inHostOnlySpecs
            ? Promise.resolve(undefined)
            : startZhCnCodeServer({
                  host,
                  runDir: zhCnDir,
                  logDir,
                  folder: workspace,
                  smokeTestDriver: true,
                  nodeArgs: extensionHostNodeArgs,
                  env: { ...extensionHostEnv(environment), ...sharedEnv },
              });
    zhCnServer.catch(() => {}); // awaited below; until then a failure must not count as an unhandled rejection
    if (uiOnlySpecs) {
        record(
            'ui',
            await runUiSuite({
                specs: uiOnlySpecs,
                timeoutMs: 15 * 60 * 1000,
                resultFile: path.join(runDir, 'ui.json'),
                logDir,
                env: {
                    ...sharedEnv,
                    E2E_SERVER_URL: server.url,
                    E2E_WORKSPACE: workspace,
                    E2E_EXTENSION_DIR: repoRoot,
                    E2E_SCREENSHOT_DIR: artifactsDir,
                    E2E_USER_DATA_DIR: path.join(codeServerDir, 'user-data'),
                },
            }),
        );
        return;
    }
    const runInHost = async () => {
        const browser = await launchChromium();
        try {
            record(
                'inHost',
                await runInHostSuite({
                    browser,
                    serverUrl: server.url,
                    folder: workspace,
                    extensionDir: repoRoot,
                    testsPath,
                    resultFile: inHostResultFile,
                    logDir,
                }),
            );
        } finally {
            await browser.close();
        }
    };
    if (inHostOnlySpecs) {
        await runInHost();
        return;
    }
    // The sign-in server (own profile, the extension on VS Code's Microsoft account) gets ready while the suites run.
    const signInServer = startSignIn();
    signInServer.catch(() => {});
    await runInHost();
    record(
        'ui',
        await runUiSuite({
            // Twelve minutes: the UI tests take about six (the interruption matrix kills and restarts the extension host 19
            // times, about 2.5 minutes; the two-window tests open several windows).
            resultFile: path.join(runDir, 'ui.json'),
            logDir,
            timeoutMs: 12 * 60 * 1000,
            env: {
                ...sharedEnv,
                E2E_SERVER_URL: server.url,
                E2E_WORKSPACE: workspace,
                E2E_EXTENSION_DIR: repoRoot,
                E2E_SCREENSHOT_DIR: artifactsDir,
                E2E_USER_DATA_DIR: path.join(codeServerDir, 'user-data'),
            },
        }),
    );
    record(
        'journey',
        await runUiSuite({
            name: 'journey-tests',
            specs: journeySpecs,
            resultFile: path.join(runDir, 'journey.json'),
            logDir,
            timeoutMs: 15 * 60 * 1000,
            env: {
                ...sharedEnv,
                E2E_SERVER_URL: server.url,
                E2E_WORKSPACE: workspace,
                E2E_EXTENSION_DIR: repoRoot,
                E2E_SCREENSHOT_DIR: artifactsDir,
                E2E_USER_DATA_DIR: path.join(codeServerDir, 'user-data'),
            },
        }),
    );
    const zhCnUrl = (await zhCnServer).url;
    console.log(`[e2e] code-server in zh-cn ${zhCnUrl}`);
    record(
        'uiZhCn',
        await runUiSuite({
            name: 'ui-zh-cn-tests',
            specs: 'test/e2e/ui-zh/**/*.test.ts',
            resultFile: path.join(runDir, 'ui-zh-cn.json'),
            logDir,
            env: { ...sharedEnv, E2E_SERVER_URL: zhCnUrl, E2E_WORKSPACE: workspace, E2E_EXTENSION_DIR: repoRoot, E2E_SCREENSHOT_DIR: artifactsDir },
        }),
    );
    await Promise.all([server.stop(), zhCnServer.then((zh) => zh.stop())]);
    record(
        'signIn',
        await signInServer.then(
            (signIn) =>
                runUiSuite({
                    name: 'sign-in-tests',
                    specs: signInSpecs,
                    timeoutMs: 10 * 60 * 1000,
                    resultFile: path.join(runDir, 'sign-in.json'),
                    logDir,
                    env: signInEnv(signIn.url),
                }).finally(() => signIn.stop()),
            (error) => ({ passed: 0, failed: 1, failures: [`sign-in server could not start: ${error.message}`] }),
        ),
    );
    // The development servers are done: stopping them leaves the 2 cores to the VSIX server.
    const vsixStarted = Date.now();
    record(
        'vsixInstalled',
        packaged.error
            ? { passed: 0, failed: 1, failures: [packaged.error] }
            : await runVsixInstalledSuite({
                  host,
                  vsix: packaged.file,
                  environment,
                  runDir: path.join(runDir, 'code-server-vsix'),
                  logDir,
                  workspace,
                  screenshotDir: artifactsDir,
                  env: sharedEnv,
              }).catch((error) => ({ passed: 0, failed: 1, failures: [`installed VSIX suite could not run: ${error.message}`] })),
    );
    console.log(`[e2e] installed VSIX suite took ${((Date.now() - vsixStarted) / 1000).toFixed(0)} s`);
}

let failure;
try {
    await main();
} catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    console.error(`[e2e] could not complete: ${failure}`);
} finally {
    await stopAll();
}
process.exitCode = writeResults(failure).failed === 0 ? 0 : 1;
