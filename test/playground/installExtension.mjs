// Installs the built extension into the playground's code-server as an unpacked extension folder
// (`<extensions-dir>/<publisher>.<name>-<version>`) holding the files a VSIX ships (see .vscodeignore).
// A folder copy does not depend on vsce's checks of README links or the repository field, so `npm start`
// works on any clone; it is refreshed on every start so the playground always runs the current build.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../runner/e2e/paths.mjs';

const shipped = ['package.json', 'media', 'l10n', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE.md'];

/** @returns {string} the installed folder */
export function installExtension({ extensionsDir }) {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
    mkdirSync(extensionsDir, { recursive: true });
    for (const entry of readdirSync(extensionsDir))
        if (entry.toLowerCase().startsWith(`${id}-`)) rmSync(path.join(extensionsDir, entry), { recursive: true, force: true });
    const target = path.join(extensionsDir, `${id}-${manifest.version}`);
    // Every bundle file the build wrote (the entry and the lazily loaded file), not the source maps or a packaged VSIX.
    const bundles = readdirSync(path.join(repoRoot, 'dist'))
        .filter((file) => file.endsWith('.js'))
        .map((file) => `dist/${file}`);
    const files = [...shipped, ...bundles, ...readdirSync(repoRoot).filter((file) => /^package\.nls(\..+)?\.json$/.test(file))];
    for (const file of files) {
        const from = path.join(repoRoot, file);
        if (existsSync(from)) cpSync(from, path.join(target, file), { recursive: true });
    }
    return target;
}

/** Copies an unpacked extension folder (its package.json names it) into the extensions folder, replacing an older copy. */
export function installFolder(extensionDir, extensionsDir) {
    const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
    const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
    mkdirSync(extensionsDir, { recursive: true });
    for (const entry of readdirSync(extensionsDir))
        if (entry.toLowerCase().startsWith(`${id}-`)) rmSync(path.join(extensionsDir, entry), { recursive: true, force: true });
    const target = path.join(extensionsDir, `${id}-${manifest.version}`);
    cpSync(extensionDir, target, { recursive: true });
    return target;
}
