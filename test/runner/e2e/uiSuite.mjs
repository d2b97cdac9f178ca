// Runs the Playwright UI tests (test/e2e/ui/**/*.test.ts, or the `specs` given, e.g. the zh-cn run's) with mocha
// from Node against the running code-server; they read the server URL and emulator details from E2E_* variables.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { startProcess } from './processes.mjs';

/**
 * Mocha runs without --exit: a suite ends by itself when its tests end, and a window or socket a test leaves open
 * shows as a suite that does not end (the interrupted-Create test once left a Chromium open: its browser's pipes kept
 * the process alive) instead of being hidden.
 * @returns {Promise<{ passed: number, failed: number, failures: string[] }>}
 */
export async function runUiSuite({ env, resultFile, logDir, timeoutMs = 300000, specs = 'test/e2e/ui/**/*.test.ts', name = 'ui-tests' }) {
    rmSync(resultFile, { force: true });
    const mocha = startProcess(
        name,
        process.execPath,
        [
            // resolve-localhost: journeys set up their registries with the SDK clients, which reach vaults at <vault>.vault.localhost.
            path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'),
            '--require',
            'tsx/cjs',
            '--require',
            './test/support/resolve-localhost.cjs',
            '--reporter',
            './test/runner/countingReporter.cjs',
            '--timeout',
            '120000',
            specs,
            // A developer's filter (E2E_GREP=<test title part>); `npm test` never sets it.
            ...(process.env.E2E_GREP ? ['--grep', process.env.E2E_GREP] : []),
        ],
        { cwd: repoRoot, env: { ...process.env, ...env, MOCHA_RESULT_FILE: resultFile }, logDir, echo: true },
    );
    let timer;
    const deadline = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([mocha.exited, deadline]);
    clearTimeout(timer);
    await mocha.stop();
    if (outcome === 'timeout') return { passed: 0, failed: 1, failures: [`UI suite did not finish within ${timeoutMs / 1000} s`] };
    if (!existsSync(resultFile)) return { passed: 0, failed: 1, failures: [`UI suite exited ${outcome.code} without a result`] };
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    if (result.passed + result.failed === 0) return { passed: 0, failed: 1, failures: ['UI suite ran no test'] };
    if (outcome.code !== 0 && result.failed === 0) return { ...result, failed: 1, failures: [`UI suite exited ${outcome.code}`] };
    return result;
}
