/**
 * A stand-in for the `vscode` module, just enough to load and activate the extension in plain Node:
 * every property is a callable, constructible object returning more of the same. It lets the lazy-loading
 * test observe which modules activation pulls in; it asserts nothing about VS Code behaviour.
 */
export function createUniversalStub(name = 'vscode'): unknown {
    const cache = new Map<PropertyKey, unknown>();
    const target = function stub() {
        /* callable */
    };
    return new Proxy(target, {
        get(_target, property) {
            if (property === '__esModule') {
                return true; // `import * as vscode` then uses the stub itself instead of copying its (few) own keys
            }
            if (property === 'then') {
                return undefined; // not a thenable: `await stub` must not hang
            }
            if (property === Symbol.toPrimitive) {
                return () => name;
            }
            if (property === Symbol.iterator) {
                return function* empty() {
                    /* nothing */
                };
            }
            if (property === 'prototype') {
                return Object.prototype;
            }
            if (!cache.has(property)) {
                cache.set(property, createUniversalStub(`${name}.${String(property)}`));
            }
            return cache.get(property);
        },
        // Bundlers' `import *` helpers copy own keys onto an object whose prototype is the module's prototype:
        // answering with a stub keeps every other name reachable through that prototype.
        getPrototypeOf: () => prototypeStub(name),
        apply: () => createUniversalStub(`${name}()`),
        construct: () => createUniversalStub(`new ${name}`) as object,
    });
}

const prototypes = new Map<string, object>();

function prototypeStub(name: string): object {
    if (!prototypes.has(name)) {
        const inner = createUniversalStub(name) as Record<PropertyKey, unknown>;
        prototypes.set(name, new Proxy({}, { get: (_target, property) => inner[property] }));
    }
    return prototypes.get(name)!;
}
