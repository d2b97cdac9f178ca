import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './emulatorProcess';

/** What a VSIX holds (see .vscodeignore), copied to a scratch folder so packaging never races the real dist/. */
const SHIPPED = [
    'package.json',
    'package.nls.json',
    'package.nls.zh-cn.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    'LICENSE.md',
    '.vscodeignore',
    'l10n',
    'media',
];

/** Packages the extension with the stock `vsce package --no-dependencies` around given bundle files (→ dist/); returns the VSIX size. */
export async function vsixBytes(bundleFiles: string[]): Promise<number> {
    const scratch = mkdtempSync(path.join(tmpdir(), 'acr-cmk-vsix-'));
    try {
        for (const entry of SHIPPED) {
            if (existsSync(path.join(repoRoot, entry))) {
                cpSync(path.join(repoRoot, entry), path.join(scratch, entry), { recursive: true });
            }
        }
        mkdirSync(path.join(scratch, 'dist'));
        for (const file of bundleFiles) {
            cpSync(file, path.join(scratch, 'dist', path.basename(file)));
        }
        const vsix = path.join(scratch, 'extension.vsix');
        const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
        // The README's relative links stay relative (no repository URL to rewrite them against).
        await promisify(execFile)(
            process.execPath,
            [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '-o', vsix],
            { cwd: scratch, timeout: 120_000 },
        );
        return statSync(vsix).size;
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}
