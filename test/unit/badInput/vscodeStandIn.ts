/**
 * A tiny stand-in for the `vscode` module so the UI edge's localization (`src/l10n/*`) and settings reader
 * (`src/auth/readCloudConfig.ts`) load in plain Node. `l10n.t` formats like VS Code does with no bundle loaded
 * (English): `{0}`/`{name}` placeholders replaced by the arguments, unknown ones left as written.
 * `workspace.getConfiguration` answers from `settings`, which a test sets; any other API is a do-nothing stub.
 * Import this module BEFORE anything that imports `vscode`.
 */
import Module from 'node:module';
import { createUniversalStub } from '../domain/fakeVscode';

export const settings = new Map<string, unknown>();

export function formatLikeVsCode(messageOrOptions: string | { message: string; args?: unknown[] | Record<string, unknown> }, ...rest: unknown[]): string {
    // The object form (`{ message, args, comment }`, for translator comments) formats the same way.
    const [message, args] = typeof messageOrOptions === 'string' ? [messageOrOptions, rest] : [messageOrOptions.message, [messageOrOptions.args ?? []]];
    const values = args.length === 1 && args[0] !== null && typeof args[0] === 'object' ? (args[0] as Record<string, unknown>) : { ...args };
    if (Object.keys(values).length === 0) {
        return message;
    }
    return message.replace(/{([^}]+)}/g, (match, name: string) => (values[name] === undefined ? match : String(values[name])));
}

const own = {
    l10n: { t: formatLikeVsCode },
    workspace: {
        getConfiguration: (section = '') => ({
            get: <T>(key: string, fallback?: T): T | undefined => {
                const full = section ? `${section}.${key}` : key;
                return settings.has(full) ? (settings.get(full) as T) : fallback;
            },
        }),
    },
};
// Everything else (what @microsoft/vscode-azext-utils touches when it loads) is the do-nothing universal stub.
const universal = createUniversalStub() as Record<PropertyKey, unknown>;
/** Further parts of the API a test provides for its own duration (set in `before`, deleted in `after`): see test/unit/tree/treeItemStandIn.ts. */
export const vscodeOverrides = new Map<PropertyKey, unknown>();
const rest = (property: PropertyKey) => (vscodeOverrides.has(property) ? vscodeOverrides.get(property) : universal[property]);
// tsx's `import * as vscode` may copy the module's own keys onto an object whose prototype is the module's: the
// prototype answers every other name, looked up when used (so overrides set later are seen too).
const prototype = new Proxy({}, { get: (_target, property) => rest(property) });
const standIn = new Proxy(own, {
    get: (target, property) => (!vscodeOverrides.has(property) && property in target ? target[property as keyof typeof own] : rest(property)),
    getPrototypeOf: () => prototype,
});

const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const marker = Symbol.for('acrCmk.test.vscodeStandIn');
const registry = globalThis as Record<symbol, unknown>;
if (!registry[marker]) {
    registry[marker] = standIn;
    const originalLoad = loader._load;
    loader._load = function load(request: string, ...rest: unknown[]) {
        return request === 'vscode' ? registry[marker] : originalLoad.call(this, request, ...rest);
    };
}
