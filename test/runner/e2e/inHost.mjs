// Runs the mocha suite inside the real extension host: the workbench page is opened with the
// extensionDevelopmentPath + extensionTestsPath payload; the smoke-test driver reports mocha's output through
// `codeAutomationLog` and the outcome through `codeAutomationExit`. Counts come from the suite's result file.
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { workbenchUrl } from './browser.mjs';

/**
 * @param {{ browser: import('playwright-core').Browser, serverUrl: string, folder: string, extensionDir: string,
 *   testsPath: string, resultFile: string, logDir: string, timeoutMs?: number }} options
 * @returns {Promise<{ passed: number, failed: number, failures: string[] }>}
 */
export async function runInHostSuite({ browser, serverUrl, folder, extensionDir, testsPath, resultFile, logDir, timeoutMs = 240000 }) {
    rmSync(resultFile, { force: true });
    mkdirSync(logDir, { recursive: true });
    const workbenchLog = createWriteStream(path.join(logDir, 'workbench-in-host.log'));
    const page = await browser.newPage();
    let timer;
    try {
        const exitCode = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))));
        // The workbench forwards its whole log here, the extension host's console included: mocha's lines are
        // echoed, everything else (offline noise about GitHub, open-vsx…) is kept in the log file.
        await page.exposeFunction('codeAutomationLog', (level, message) => {
            workbenchLog.write(`[${level}] ${message}\n`);
            if (String(message).startsWith('[mocha] ')) console.log(`[in-host] ${String(message).slice(8)}`);
        });
        await page.goto(workbenchUrl(serverUrl, { folder, extensionDevelopmentPath: extensionDir, extensionTestsPath: testsPath }));
        const deadline = new Promise((resolve) => {
            timer = setTimeout(() => resolve('timeout'), timeoutMs);
        });
        const outcome = await Promise.race([exitCode, deadline]);
        if (outcome === 'timeout') return failedToRun(`in-host suite did not finish within ${timeoutMs / 1000} s`);
        if (!existsSync(resultFile)) return failedToRun(`in-host suite exited ${outcome} without a result (extension host failed to start the tests?)`);
        const result = JSON.parse(readFileSync(resultFile, 'utf8'));
        if (result.passed + result.failed === 0) return failedToRun('in-host suite ran no test');
        if (outcome !== 0 && result.failed === 0) return { ...result, failed: 1, failures: [`in-host suite exited ${outcome}`] };
        return result;
    } finally {
        clearTimeout(timer);
        await page.close().catch(() => {});
        workbenchLog.end();
    }
}

function failedToRun(reason) {
    console.error(`[in-host] ${reason}`);
    return { passed: 0, failed: 1, failures: [reason] };
}
