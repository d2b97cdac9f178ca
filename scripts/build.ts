// `npm run build`: dist/extension.js (what activation runs) + dist/extension.lazy.js (loaded by the first command or
// Azure call), minified, with source maps. See buildExtension.ts for how the two files are split.
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { buildExtension } from './buildExtension';

async function main(): Promise<void> {
    const root = path.resolve(__dirname, '..');
    const outDir = path.join(root, 'dist');
    const started = Date.now();
    const built = await buildExtension({ root, outDir });
    // Then drop bundles of an earlier layout, so a VSIX or an unpacked install never ships a stale file (after the
    // build, not before: whatever reads dist/ meanwhile, such as vsce or a running VS Code, keeps finding the entry).
    const current = new Set([built.entry.file, built.lazy.file].flatMap((file) => [path.basename(file), `${path.basename(file)}.map`]));
    for (const file of readdirSync(outDir, { withFileTypes: true })) {
        if (file.isFile() && /\.js(\.map)?$/.test(file.name) && !current.has(file.name)) {
            rmSync(path.join(outDir, file.name));
        }
    }
    const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
    console.log(
        `dist/${path.basename(built.entry.file)} ${kb(built.entry.bytes)} + dist/${path.basename(built.lazy.file)} ${kb(built.lazy.bytes)} ` +
            `(${built.lazyModules.length} lazily imported modules, ${built.sharedModules.length} entry modules shared) in ${Date.now() - started} ms`,
    );
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
