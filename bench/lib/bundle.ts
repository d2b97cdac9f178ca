import { build, type Metafile } from 'esbuild';
import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './emulatorProcess';

export interface BuiltBundle { file: string; bytes: number; metafile: Metafile }

/** Bundles an entry with the options of package.json's `build` script (into out/bench, leaving dist/ to the build). */
export async function bundleLikeBuildScript(entry: string, outfile: string): Promise<BuiltBundle> {
    mkdirSync(path.dirname(outfile), { recursive: true });
    const result = await build({
        entryPoints: [entry], bundle: true, outfile, external: ['vscode'], platform: 'node', format: 'cjs', target: 'node20',
        sourcemap: true, minify: true, metafile: true, logLevel: 'silent', absWorkingDir: repoRoot,
    });
    return { file: outfile, bytes: statSync(outfile).size, metafile: result.metafile };
}

const isAzureModule = (file: string) => /(^|[\\/])node_modules[\\/]@azure(-rest)?[\\/]/.test(file);

/**
 * The bundle's modules that run when it is loaded: those reachable from the entry without crossing a dynamic
 * `import()` (esbuild keeps dynamically imported modules behind lazy initialisers).
 */
export function modulesEvaluatedAtLoad(metafile: Metafile, entrySuffix: string): { all: string[]; azure: string[] } {
    const inputs = metafile.inputs;
    const entry = Object.keys(inputs).find((file) => file.endsWith(entrySuffix));
    if (!entry) { throw new Error(`entry ${entrySuffix} not in the metafile`); }
    const reached = new Set<string>();
    const pending = [entry];
    while (pending.length > 0) {
        const file = pending.pop()!;
        if (reached.has(file)) { continue; }
        reached.add(file);
        for (const edge of inputs[file]?.imports ?? []) {
            if (edge.kind !== 'dynamic-import' && !edge.external) { pending.push(edge.path); }
        }
    }
    const all = [...reached].sort();
    return { all, azure: all.filter(isAzureModule) };
}
