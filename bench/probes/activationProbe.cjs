'use strict';
// Child process, plain Node (no tsx: its loader would transform the very bundle being timed): loads an extension
// bundle with a stand-in `vscode` module and times module load → end of activate. Not the real extension host: it
// measures the extension's own work (evaluating its bundle, running activate), which is what differs between
// extensions. Then, if asked, runs one registered command (the first command is what loads the lazy bundle file).
// Input (argv[2], JSON): { bundle, vscodeStub, command? } — vscodeStub: test/unit/domain/fakeVscode.ts bundled to CJS.
// Output (last stdout line, JSON): { loadMs, activateMs, totalMs, modulesLoaded, command? } where
// command = { id, ms, modulesLoaded (files loaded by the command), errors (messages the extension showed as errors) }.
const Module = require('node:module');

/** The stand-in `vscode`, except that registered commands are kept (to run one) and error messages recorded. */
function recordingVscode(vscode) {
    const commands = new Map();
    const errors = [];
    const commandsApi = new Proxy(
        {},
        {
            get: (_target, property) =>
                property === 'registerCommand'
                    ? (id, callback) => {
                          commands.set(id, callback);
                          return {
                              dispose() {
                                  commands.delete(id);
                              },
                          };
                      }
                    : vscode.commands[property],
        },
    );
    const windowApi = new Proxy(
        {},
        {
            get: (_target, property) =>
                property === 'showErrorMessage'
                    ? (message) => {
                          errors.push(String(message));
                          return Promise.resolve(undefined);
                      }
                    : vscode.window[property],
        },
    );
    const pick = (property) => (property === 'commands' ? commandsApi : property === 'window' ? windowApi : vscode[property]);
    // A bundle's `import * as vscode` reads most names through the module's prototype (see fakeVscode.ts): answer there too.
    const recorder = new Proxy(vscode, {
        get: (_target, property) => pick(property),
        getPrototypeOf: () => new Proxy({}, { get: (_target, property) => pick(property) }),
    });
    return { vscode: recorder, commands, errors };
}

async function main() {
    const input = JSON.parse(process.argv[2]);
    process.env.DEBUGTELEMETRY = '1'; // vscode-azext-utils: no telemetry reporter to create
    const { createUniversalStub } = require(input.vscodeStub);
    const { vscode, commands, errors } = recordingVscode(createUniversalStub());
    const originalLoad = Module._load;
    Module._load = function load(request, ...rest) {
        return request === 'vscode' ? vscode : originalLoad.call(this, request, ...rest);
    };
    const subscriptions = [];
    const stub = createUniversalStub('context');
    // VS Code gives every extension a global storage folder (journals of flows in progress live there).
    const globalStorageUri = { fsPath: require('node:path').join(require('node:os').tmpdir(), `acr-cmk-probe-storage-${process.pid}`) };
    const context = new Proxy(
        {},
        { get: (_target, property) => (property === 'subscriptions' ? subscriptions : property === 'globalStorageUri' ? globalStorageUri : stub[property]) },
    );
    const before = new Set(Object.keys(require.cache));
    const loadedSince = (known) => Object.keys(require.cache).filter((file) => !known.has(file));

    const start = process.hrtime.bigint();
    const extension = require(input.bundle);
    const loaded = process.hrtime.bigint();
    await extension.activate(context);
    const end = process.hrtime.bigint();
    const ms = (from, to) => Number(to - from) / 1e6;
    const modulesLoaded = loadedSince(before);
    const output = { loadMs: ms(start, loaded), activateMs: ms(loaded, end), totalMs: ms(start, end), modulesLoaded };

    if (input.command) {
        const run = commands.get(input.command);
        if (!run) {
            throw new Error(`activation registered no command ${input.command}`);
        }
        const afterActivation = new Set(Object.keys(require.cache));
        const commandStart = process.hrtime.bigint();
        await run();
        output.command = { id: input.command, ms: ms(commandStart, process.hrtime.bigint()), modulesLoaded: loadedSince(afterActivation), errors };
    }
    process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().then(
    () => process.exit(0),
    (error) => {
        process.stderr.write(`${error.stack || error}\n`);
        process.exit(1);
    },
);
