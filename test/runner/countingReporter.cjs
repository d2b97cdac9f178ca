'use strict';
// Mocha reporter: the usual spec output, plus a result file the top-level runner sums
// (`MOCHA_RESULT_FILE`). Mocha's own summary line is not what CI reads.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        const failures = [];
        let passed = 0;
        runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => {
            passed += 1;
        });
        runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test) => {
            failures.push(test.fullTitle());
        });
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const file = process.env.MOCHA_RESULT_FILE;
            if (!file) return;
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, JSON.stringify({ passed, failed: failures.length, failures }, null, 2));
        });
    }
}
module.exports = CountingReporter;
