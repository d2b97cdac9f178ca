'use strict';
// Child process, plain Node (no tsx: its loader would transform the very bundle being timed): loads an extension
// bundle with a stand-in `vscode` module and times module load → end of activate. Not the real extension host: it
// measures the extension's own work (evaluating its bundle, running activate), which is what differs between
// extensions. Input (argv[2], JSON): { bundle, vscodeStub } — vscodeStub: test/unit/domain/fakeVscode.ts bundled to CJS.
// Output (last stdout line, JSON): { loadMs, activateMs, totalMs, modulesLoaded }.
const Module = require('node:module');

async function main() {
    const input = JSON.parse(process.argv[2]);
    process.env.DEBUGTELEMETRY = '1'; // vscode-azext-utils: no telemetry reporter to create
    const { createUniversalStub } = require(input.vscodeStub);
    const vscode = createUniversalStub();
    const originalLoad = Module._load;
    Module._load = function load(request, ...rest) {
        return request === 'vscode' ? vscode : originalLoad.call(this, request, ...rest);
    };
    const subscriptions = [];
    const stub = createUniversalStub('context');
    const context = new Proxy({}, { get: (_target, property) => (property === 'subscriptions' ? subscriptions : stub[property]) });
    const before = new Set(Object.keys(require.cache));

    const start = process.hrtime.bigint();
    const extension = require(input.bundle);
    const loaded = process.hrtime.bigint();
    await extension.activate(context);
    const end = process.hrtime.bigint();

    const ms = (from, to) => Number(to - from) / 1e6;
    const modulesLoaded = Object.keys(require.cache).filter((file) => !before.has(file));
    process.stdout.write(`${JSON.stringify({ loadMs: ms(start, loaded), activateMs: ms(loaded, end), totalMs: ms(start, end), modulesLoaded })}\n`);
}

main().then(() => process.exit(0), (error) => { process.stderr.write(`${error.stack || error}\n`); process.exit(1); });
