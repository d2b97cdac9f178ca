'use strict';
// Preloaded with `--require` into code-server; code-server passes its execArgv on to the processes it forks, so
// this also runs in every extension host. It acts only there (argv has --type=extensionHost) and only when
// BENCH_EXTHOST_PROBE_DIR is set. It writes, into that folder:
// - exthost-<pid>.json at start: { pid, startedAt } — how the bench finds the extension host of the page it opened;
// - activation-<pid>.json right after the watched extension's `activate` returned: the files under the extension's
//   folder and any node_modules/@azure/* file in the module cache at that moment (what activation had loaded);
// - modules-<pid>.json on SIGUSR2: the same lists later (e.g. once the tree has loaded: the lazily loaded code),
//   with process.memoryUsage() before and after a full gc (when the host runs with --expose-gc).
// Cost inside activate: one Object.keys of the module cache (well under a millisecond); files are written later.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const outDir = process.env.BENCH_EXTHOST_PROBE_DIR;
const extensionDir = process.env.BENCH_EXTHOST_PROBE_EXTENSION_DIR;

function loadedModules() {
    const files = Object.keys(Module._cache);
    const ours = extensionDir ? files.filter((file) => file.startsWith(`${extensionDir}${path.sep}`)).map((file) => path.relative(extensionDir, file)) : [];
    return {
        extensionFiles: ours.sort(),
        azureModules: files.filter((file) => /[\\/]node_modules[\\/]@azure[\\/]/.test(file)).sort(),
        cachedModules: files.length,
    };
}

function write(name, contents) {
    fs.writeFile(path.join(outDir, `${name}-${process.pid}.json`), JSON.stringify(contents), () => {
        /* best effort */
    });
}

/** The watched extension's main module, `…/dist/extension` with or without `.js`. */
function isWatchedMain(request) {
    if (!extensionDir || typeof request !== 'string' || !path.isAbsolute(request)) {
        return false;
    }
    const main = path.resolve(extensionDir, process.env.BENCH_EXTHOST_PROBE_MAIN || '');
    return request.replace(/\.js$/, '') === main.replace(/\.js$/, '');
}

if (outDir && process.argv.includes('--type=extensionHost')) {
    write('exthost', { pid: process.pid, startedAt: Date.now() });
    process.on('SIGUSR2', () => {
        // With --expose-gc (the bench passes it to code-server, which passes it on) also what a full gc leaves.
        const memory = process.memoryUsage();
        if (typeof globalThis.gc === 'function') {
            globalThis.gc();
        }
        write('modules', {
            at: Date.now(),
            ...loadedModules(),
            memory,
            memoryAfterGc: typeof globalThis.gc === 'function' ? process.memoryUsage() : undefined,
        });
    });
    const originalLoad = Module._load;
    let wrapped = false;
    Module._load = function load(request, ...rest) {
        const exports = originalLoad.call(this, request, ...rest);
        if (wrapped || !isWatchedMain(request) || typeof exports?.activate !== 'function') {
            return exports;
        }
        wrapped = true;
        const activate = exports.activate;
        // Bundled exports are getters that cannot be redefined: hand VS Code a copy whose activate snapshots the cache.
        return {
            ...exports,
            activate(...args) {
                const result = activate.apply(this, args);
                const snapshot = { at: Date.now(), ...loadedModules() };
                setImmediate(() => write('activation', snapshot));
                return result;
            },
        };
    };
}
