import { build, type Metafile } from 'esbuild';
import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { buildExtension, commonBuildOptions, type ExtensionBuild } from '../../scripts/buildExtension';
import { repoRoot } from './emulatorProcess';

export interface BuiltBundle {
    file: string;
    bytes: number;
    metafile: Metafile;
}

/** The extension exactly as `npm run build` makes it (entry + lazy file, minified), into `outDir` instead of dist/. */
export function buildExtensionLikeBuildScript(outDir: string, options: { minify?: boolean } = {}): Promise<ExtensionBuild> {
    return buildExtension({ root: repoRoot, outDir, minify: options.minify ?? true, sourcemap: true });
}

/** Bundles a single-file fixture (hello world, the stand-in vscode) with the build script's esbuild options. */
export async function bundleLikeBuildScript(entry: string, outfile: string): Promise<BuiltBundle> {
    mkdirSync(path.dirname(outfile), { recursive: true });
    const result = await build({ ...commonBuildOptions(repoRoot, { minify: true, sourcemap: true }), entryPoints: [entry], outfile, logLevel: 'silent' });
    return { file: outfile, bytes: statSync(outfile).size, metafile: result.metafile! };
}

/** The files a bundle holds, from its metafile (without the build's virtual stub modules, named `namespace:path`). */
export const bundledFiles = (metafile: Metafile): string[] => Object.keys(metafile.inputs).filter((file) => !/^[\w-]+:/.test(file));

export const isAzureModule = (file: string) => /(^|[\\/])node_modules[\\/]@azure(-rest)?[\\/]/.test(file);

/**
 * The bundle's modules that run when it is loaded: those reachable from the entry without crossing a dynamic
 * `import()` (esbuild keeps dynamically imported modules behind lazy initialisers; in the split build a dynamic
 * `import()` of a lazy module becomes a stub that requires the lazy file).
 */
export function modulesEvaluatedAtLoad(metafile: Metafile, entrySuffix: string): { all: string[]; azure: string[] } {
    const inputs = metafile.inputs;
    const entry = Object.keys(inputs).find((file) => file.endsWith(entrySuffix));
    if (!entry) {
        throw new Error(`entry ${entrySuffix} not in the metafile`);
    }
    const reached = new Set<string>();
    const pending = [entry];
    while (pending.length > 0) {
        const file = pending.pop()!;
        if (reached.has(file)) {
            continue;
        }
        reached.add(file);
        for (const edge of inputs[file]?.imports ?? []) {
            if (edge.kind !== 'dynamic-import' && !edge.external) {
                pending.push(edge.path);
            }
        }
    }
    const all = [...reached].sort();
    return { all, azure: all.filter(isAzureModule) };
}
