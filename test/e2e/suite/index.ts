// Entry point VS Code calls (`extensionTestsPath`) inside the real extension host: runs every bundled
// `*.test.js` next to this file with mocha and writes `{passed, failed, failures}` where the runner asked
// (E2E_IN_HOST_RESULT_FILE). Rejecting tells VS Code the run failed (exit code 1 to the driver).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { installNotificationGuard, takeUnexpectedErrors } from './notificationGuard';

/** Lines the runner echoes; the rest of the workbench log only goes to its log file. */
const say = (line: string) => console.log(`[mocha] ${line}`);

export async function run(): Promise<void> {
    // Base prints nothing itself: plain lines below survive the workbench's log forwarding (no format strings).
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: Mocha.reporters.Base });
    const testFiles = fs
        .readdirSync(__dirname, { recursive: true })
        .map(String)
        .filter((file) => file.endsWith('.test.js'))
        .sort();
    for (const file of testFiles) mocha.addFile(path.join(__dirname, file));
    if (!installNotificationGuard()) throw new Error('the notification guard could not wrap vscode.window.showErrorMessage');
    let passed = 0;
    const failures: string[] = [];
    const { EVENT_TEST_PASS, EVENT_TEST_FAIL } = Mocha.Runner.constants;
    await new Promise<void>((resolve) => {
        const runner = mocha.run(() => resolve());
        runner.on(EVENT_TEST_PASS, (test) => {
            // The notification guard: a test that passed yet showed an error notification it did not announce fails.
            const unexpected = takeUnexpectedErrors();
            if (unexpected.length > 0) {
                failures.push(test.fullTitle());
                say(`✖ ${test.fullTitle()}\nunexpected error notification(s): ${unexpected.map((m) => JSON.stringify(m)).join(', ')}`);
                return;
            }
            passed += 1;
            say(`✔ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
        });
        runner.on(EVENT_TEST_FAIL, (test, error: Error) => {
            takeUnexpectedErrors();
            failures.push(test.fullTitle());
            say(`✖ ${test.fullTitle()}\n${error.stack ?? error.message}`);
        });
    });
    say(`${passed} passing, ${failures.length} failing`);
    writeResult({ passed, failed: failures.length, failures });
    if (failures.length > 0 || passed === 0) throw new Error(`${failures.length} failed, ${passed} passed`);
}

function writeResult(result: { passed: number; failed: number; failures: string[] }): void {
    const file = process.env.E2E_IN_HOST_RESULT_FILE;
    if (!file) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(result, null, 2));
}
