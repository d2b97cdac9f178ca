import { tmpdir } from 'node:os';
import { join } from 'node:path';
/**
 * Run as its own Node process by lazyAzureModules.test.ts (a fresh `require.cache`, whatever other tests load):
 * requires the extension entry (argv[2]: the TypeScript source or the esbuild bundle) with a stub `vscode`,
 * activates it, and prints the @azure modules then loaded and what the entry exports.
 */
import Module from 'node:module';
import * as path from 'node:path';
import { createUniversalStub } from './fakeVscode';

const root = path.resolve(__dirname, '..', '..', '..');
const isAzureModule = (file: string) => /[\\/]node_modules[\\/]@azure(-rest)?[\\/]/.test(file);

// vscode-azext-utils then uses its debug telemetry reporter instead of a real one.
process.env.DEBUGTELEMETRY = '1';
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = loader._load;
const vscode = createUniversalStub();
loader._load = function load(request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : originalLoad.call(this, request, ...rest);
};

const before = Object.keys(require.cache).filter(isAzureModule);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const extension = require(path.resolve(root, process.argv[2] ?? 'src/extension.ts')) as typeof import('../../../src/extension');
const exported = Object.keys(extension).sort();
const stub = createUniversalStub('context') as Record<PropertyKey, unknown>;
const subscriptions: unknown[] = [];
// VS Code gives every extension a global storage folder (journals of flows in progress live there).
const globalStorageUri = { fsPath: join(tmpdir(), `acr-cmk-stub-storage-${process.pid}`) };
const context = new Proxy(
    {},
    { get: (_target, property) => (property === 'subscriptions' ? subscriptions : property === 'globalStorageUri' ? globalStorageUri : stub[property]) },
);
const api = extension.activate(context as never);
const after = Object.keys(require.cache).filter(isAzureModule);
// vscode-azext-utils (and the command implementations that need it) load on the first command or tree load, not here.
const azExtUtilsAfter = Object.keys(require.cache).filter((file) => /[\\/]node_modules[\\/]@microsoft[\\/]vscode-az/.test(file));
// Then the lazily loaded command table, to check it against the ids registered at activation.
const handled = process.argv[2]?.endsWith('.ts')
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require(path.resolve(root, 'src/commands/commandHandlers.ts')) as typeof import('../../../src/commands/commandHandlers')).handledCommandIds().sort()
    : [];
process.stdout.write(
    `${JSON.stringify({ before, after, azExtUtilsAfter, handled, registered: subscriptions.length, api: Object.keys(api).sort(), exported })}\n`,
);
