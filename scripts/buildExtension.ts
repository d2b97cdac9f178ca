import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The extension as two CommonJS files (esbuild's code splitting needs ESM output, and VS Code loads this extension as CJS):
 * - the entry (`extension.js`): every module `activate` reaches without crossing a dynamic `import()`;
 * - the lazy file (`extension.lazy.js`): every module only reached through a dynamic `import()` (the command
 *   implementations, vscode-azext-utils, the Azure SDKs), `require`d on the first such `import()`.
 * Each module is in exactly one of the two files, so module state (caches, the azext-utils extension variables) is never
 * duplicated: the lazy file gets the entry's modules it needs from the entry at run time instead of holding copies.
 */
export interface ExtensionBuildOptions {
    /** Repository root: src/extension.ts and node_modules are found from it. */
    root: string;
    outDir: string;
    minify?: boolean;
    sourcemap?: boolean;
}

export interface BuiltFile {
    file: string;
    bytes: number;
    metafile: Metafile;
}
export interface ExtensionBuild {
    entry: BuiltFile;
    lazy: BuiltFile;
    /** Dynamically imported modules (root-relative) that live in the lazy file. */
    lazyModules: string[];
    /** Entry modules (root-relative) the lazy file uses, handed over at run time. */
    sharedModules: string[];
}

export const entryFileName = 'extension.js';
export const lazyFileName = 'extension.lazy.js';

const loaderNamespace = 'acr-cmk-lazy-loader';
const registryNamespace = 'acr-cmk-shared-registry';
const resolving = { split: true };
/**
 * Dynamically imported, yet kept in the entry (behind esbuild's own lazy initialiser): `activate` itself imports it
 * when the Azure Resources extension is installed (registerAzureResourcesBranch.ts), it is small, and it needs no
 * other package, so moving it would make every activation load the lazy file.
 */
const keptInEntry = new Set(['@microsoft/vscode-azureresources-api']);

/** What both files (and any bundle that must behave like them) are built with. */
export function commonBuildOptions(root: string, options: { minify?: boolean; sourcemap?: boolean } = {}): BuildOptions {
    return {
        bundle: true,
        external: ['vscode'],
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        absWorkingDir: root,
        sourcemap: options.sourcemap ?? true,
        minify: options.minify ?? true,
        metafile: true,
        logLevel: 'warning',
        // vscode-azext-utils tells its errors apart by `error.constructor.name` (parseError): the wizard goes back on a
        // 'GoBackError' and stays silent on a 'UserCancelledError'. Minified class names broke both (Back ended every
        // wizard with an error notification "Go back."), so names are kept.
        keepNames: true,
    };
}

export async function buildExtension(options: ExtensionBuildOptions): Promise<ExtensionBuild> {
    const { root, outDir } = options;
    mkdirSync(outDir, { recursive: true });
    const common = commonBuildOptions(root, options);
    const entryPoint = path.join(root, 'src', 'extension.ts');
    const { eager, dynamicTargets } = await findEagerModules(common, entryPoint);
    const lazyTargets = [...dynamicTargets].filter((file) => !eager.has(file)).sort();
    const id = (file: string) => path.relative(root, file).split(path.sep).join('/');

    const shared = new Set<string>();
    const lazyFile = path.join(outDir, lazyFileName);
    const lazyResult = await build({
        ...common,
        outfile: lazyFile,
        plugins: [lazyFilePlugin(eager, shared, id)],
        stdin: { contents: lazyEntrySource(lazyTargets, id), resolveDir: root, sourcefile: 'lazy-entry.cjs', loader: 'js' },
    });

    const entryFile = path.join(outDir, entryFileName);
    const entryResult = await build({
        ...common,
        entryPoints: [entryPoint],
        outfile: entryFile,
        plugins: [entryPlugin(new Set(lazyTargets), [...shared].sort(), id)],
    });
    return {
        entry: { file: entryFile, bytes: statSync(entryFile).size, metafile: entryResult.metafile! },
        lazy: { file: lazyFile, bytes: statSync(lazyFile).size, metafile: lazyResult.metafile! },
        lazyModules: lazyTargets.map(id),
        sharedModules: [...shared].map(id).sort(),
    };
}

/** Bundles the entry with dynamic imports left out: what it reaches is what activation evaluates. */
async function findEagerModules(common: BuildOptions, entryPoint: string): Promise<{ eager: Set<string>; dynamicTargets: Set<string> }> {
    const dynamicTargets = new Set<string>();
    const plugin: Plugin = {
        name: 'dynamic-imports-external',
        setup(build) {
            build.onResolve({ filter: /.*/ }, async (args) => {
                if (args.kind !== 'dynamic-import' || args.pluginData === resolving || keptInEntry.has(args.path)) {
                    return undefined;
                }
                const resolved = await build.resolve(args.path, {
                    kind: args.kind,
                    importer: args.importer,
                    resolveDir: args.resolveDir,
                    pluginData: resolving,
                });
                if (resolved.errors.length > 0 || resolved.external) {
                    return undefined;
                }
                dynamicTargets.add(resolved.path);
                return { path: args.path, external: true };
            });
        },
    };
    const result = await build({ ...common, entryPoints: [entryPoint], write: false, sourcemap: false, minify: false, plugins: [plugin] });
    const root = common.absWorkingDir!;
    const eager = new Set(Object.keys(result.metafile!.inputs).map((file) => path.resolve(root, file)));
    return { eager, dynamicTargets };
}

/** The lazy file's own entry: `provide(entryModules)` once, then `load(id)` returns a module (its CommonJS view). */
function lazyEntrySource(lazyTargets: string[], id: (file: string) => string): string {
    const loaders = lazyTargets.map((file) => `  ${JSON.stringify(id(file))}: () => require(${JSON.stringify(file)}),`);
    return [
        `const loaders = {\n${loaders.join('\n')}\n};`,
        `exports.provide = require(${JSON.stringify(registryNamespace)}).provide;`,
        'exports.load = (id) => loaders[id]();',
    ].join('\n');
}

/** In the lazy file, an import of an entry module becomes a lookup of the entry's instance. */
function lazyFilePlugin(eager: Set<string>, shared: Set<string>, id: (file: string) => string): Plugin {
    return {
        name: 'lazy-file',
        setup(build) {
            build.onResolve({ filter: new RegExp(`^${registryNamespace}$`) }, () => ({ path: registryNamespace, namespace: registryNamespace }));
            build.onLoad({ filter: /.*/, namespace: registryNamespace }, () => ({
                loader: 'js',
                contents: [
                    'let entryModules;',
                    'exports.provide = (modules) => { entryModules = modules; };',
                    'exports.get = (id) => {',
                    '  const load = entryModules && entryModules[id];',
                    `  if (!load) throw new Error('${lazyFileName}: the entry bundle did not provide ' + id);`,
                    '  return load();',
                    '};',
                ].join('\n'),
            }));
            const mayBeEager = eagerPathFilter(eager);
            build.onResolve({ filter: /.*/ }, async (args) => {
                if (args.pluginData === resolving || args.namespace === registryNamespace || !mayBeEager(args.path, args.resolveDir)) {
                    return undefined;
                }
                const resolved = await build.resolve(args.path, {
                    kind: args.kind,
                    importer: args.importer,
                    resolveDir: args.resolveDir,
                    pluginData: resolving,
                });
                if (resolved.errors.length > 0 || resolved.external || !eager.has(resolved.path)) {
                    return undefined;
                }
                shared.add(resolved.path);
                return { path: resolved.path, namespace: 'acr-cmk-entry-module' };
            });
            build.onLoad({ filter: /.*/, namespace: 'acr-cmk-entry-module' }, (args) => ({
                loader: 'js',
                contents: `module.exports = require(${JSON.stringify(registryNamespace)}).get(${JSON.stringify(id(args.path))});`,
            }));
        },
    };
}

/**
 * Whether an import may resolve to an entry module, without resolving it (the lazy file has thousands of imports, almost
 * all inside SDK packages the entry has nothing of): a path into a folder or package the entry has files from.
 */
function eagerPathFilter(eager: Set<string>): (specifier: string, resolveDir: string) => boolean {
    const folders = new Set<string>();
    const packages = new Set<string>();
    for (const file of eager) {
        const match = /^(.*[\\/]node_modules[\\/])((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
        if (match) {
            folders.add(match[1]! + match[2]!);
            packages.add(match[2]!.split(path.sep).join('/'));
        } else {
            folders.add(path.dirname(file));
        }
    }
    const inEagerFolder = (file: string) => [...folders].some((folder) => file === folder || file.startsWith(folder + path.sep));
    return (specifier, resolveDir) => {
        if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
            return inEagerFolder(path.resolve(resolveDir, specifier));
        }
        return [...packages].some((name) => specifier === name || specifier.startsWith(`${name}/`));
    };
}

/**
 * In the entry, `import(lazyModule)` resolves to a stub that requires the lazy file (once; its `module.exports` is kept,
 * since a UMD module inside it may later overwrite it) and hands it the entry modules it shares.
 */
function entryPlugin(lazyTargets: Set<string>, shared: string[], id: (file: string) => string): Plugin {
    return {
        name: 'lazy-imports',
        setup(build) {
            build.onResolve({ filter: /.*/ }, async (args) => {
                if (args.kind !== 'dynamic-import' || args.pluginData === resolving) {
                    return undefined;
                }
                const resolved = await build.resolve(args.path, {
                    kind: args.kind,
                    importer: args.importer,
                    resolveDir: args.resolveDir,
                    pluginData: resolving,
                });
                return lazyTargets.has(resolved.path) ? { path: resolved.path, namespace: 'acr-cmk-lazy-module' } : undefined;
            });
            build.onLoad({ filter: /.*/, namespace: 'acr-cmk-lazy-module' }, (args) => ({
                loader: 'js',
                contents: `module.exports = require(${JSON.stringify(loaderNamespace)}).load(${JSON.stringify(id(args.path))});`,
            }));
            build.onResolve({ filter: new RegExp(`^${loaderNamespace}$`) }, () => ({ path: loaderNamespace, namespace: loaderNamespace }));
            build.onResolve({ filter: new RegExp(`^\\./${lazyFileName.replace(/\./g, '\\.')}$`) }, (args) => ({ path: args.path, external: true }));
            build.onLoad({ filter: /.*/, namespace: loaderNamespace }, () => ({
                loader: 'js',
                resolveDir: build.initialOptions.absWorkingDir,
                contents: [
                    `const entryModules = {\n${shared.map((file) => `  ${JSON.stringify(id(file))}: () => require(${JSON.stringify(file)}),`).join('\n')}\n};`,
                    'let lazy;',
                    'exports.load = (id) => {',
                    `  if (!lazy) { lazy = require(${JSON.stringify(`./${lazyFileName}`)}); lazy.provide(entryModules); }`,
                    '  return lazy.load(id);',
                    '};',
                ].join('\n'),
            }));
        },
    };
}
