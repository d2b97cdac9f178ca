#!/usr/bin/env node
// `npm test`: every suite, then one closing line `tests: N passed, N failed`.
// A suite that cannot start (or ends without writing its result file) counts as one failure, never as zero tests.
// Options: --only <suite[,suite]>  (static, unit, integration, cli, fidelity, e2e, security)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAptPackages } from './apt.mjs';
import { ensureNode22 } from './nodeRuntime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = path.join(root, 'test-results');
const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(',')) : undefined;

// Every suite but the static checks runs on the Node of VS Code's extension host (nodeRuntime.mjs), installed on first use.
const testNode = { path: process.execPath };
const mocha = (glob, extra = []) => [
    testNode,
    [
        path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
        '--require',
        'tsx/cjs',
        '--require',
        './test/support/resolve-localhost.cjs',
        '--reporter',
        './test/runner/countingReporter.cjs',
        '--timeout',
        '120000',
        ...extra,
        glob,
    ],
];

/** name → how to run it; each writes test-results/<name>.json */
const suites = [
    { name: 'static', run: staticChecks },
    { name: 'unit', command: mocha('test/unit/**/*.test.ts') },
    // The rotate tests compare every branch with the stock Azure CLI's view: az must be there before they start.
    { name: 'integration', command: mocha('test/integration/**/*.test.ts'), before: () => ensureAptPackages(['azure-cli'], 'the stock Azure CLI checks') },
    { name: 'cli', command: mocha('test/cli/**/*.test.ts'), before: () => ensureAptPackages(['azure-cli', 'skopeo'], 'the stock Azure CLI and skopeo checks') },
    // Recorded Azure traffic replayed against the emulator: status, headers and JSON shape must match (test/fidelity).
    { name: 'fidelity', command: mocha('test/fidelity/**/*.test.ts') },
    { name: 'e2e', command: [testNode, [path.join(root, 'test', 'runner', 'e2e.mjs')]] },
    // Last: scans everything the suites above made the extension write for every secret their emulators issued.
    { name: 'security', command: mocha('test/security/**/*.test.ts') },
];

function run(command, argv, env = {}) {
    return new Promise((resolve) => {
        const child = spawn(command, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
        child.on('error', () => resolve(127));
        child.on('exit', (code, signal) => resolve(signal ? 128 : (code ?? 1)));
    });
}

async function staticChecks(resultFile) {
    const checks = [
        ['typecheck', ['npx', ['tsc', '--noEmit', '-p', '.']]],
        ['lint', ['npx', ['eslint', '--no-error-on-unmatched-pattern', 'src', 'test', 'bench', 'scripts']]],
        ['format', ['npx', ['prettier', '--check', '--log-level', 'warn', '.']]],
        ['build', ['npm', ['run', '--silent', 'build']]],
    ];
    const failures = [];
    for (const [name, [cmd, argv]] of checks) {
        console.log(`\n== static: ${name}`);
        if ((await run(cmd, argv)) !== 0) failures.push(name);
    }
    writeResult(resultFile, { passed: checks.length - failures.length, failed: failures.length, failures });
}

function writeResult(file, value) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(value, null, 2));
}

function readResult(name, file, exitCode) {
    if (!existsSync(file)) return { passed: 0, failed: 1, failures: [`${name}: suite did not start or did not finish (exit ${exitCode})`] };
    const value = JSON.parse(readFileSync(file, 'utf8'));
    if (value.passed + value.failed === 0) return { passed: 0, failed: 1, failures: [`${name}: ran no test`] };
    if (exitCode !== 0 && value.failed === 0) {
        return { ...value, failed: 1, failures: [...(value.failures ?? []), `${name}: exited ${exitCode}`] };
    }
    return value;
}

let passed = 0;
let failed = 0;
const failures = [];
for (const suite of suites) {
    if (only && !only.has(suite.name)) continue;
    const file = path.join(results, `${suite.name}.json`);
    rmSync(file, { force: true });
    console.log(`\n==== suite: ${suite.name}`);
    let exitCode = 0;
    try {
        await suite.before?.();
        if (suite.run) await suite.run(file);
        else {
            if (testNode.path === process.execPath) testNode.path = ensureNode22();
            exitCode = await run(suite.command[0].path, suite.command[1], { MOCHA_RESULT_FILE: file });
        }
    } catch (error) {
        console.error(`suite ${suite.name} could not start: ${error.message}`);
        exitCode = 1;
    }
    const result = readResult(suite.name, file, exitCode);
    console.log(`==== ${suite.name}: ${result.passed} passed, ${result.failed} failed`);
    passed += result.passed;
    failed += result.failed;
    failures.push(...(result.failures ?? []).map((f) => `[${suite.name}] ${f}`));
}
if (failures.length) console.log(`\nFailures:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
