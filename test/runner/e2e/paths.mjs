// Where the real-VS-Code rig keeps things. Everything is computed from this file's location so the
// repository can live anywhere; caches sit in git-ignored folders and survive between runs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const vscodeHostDir = path.join(repoRoot, 'test', 'vscode-host');
export const node24Dir = path.join(repoRoot, '.cache', 'node24');
export const resolveLocalhostPath = path.join(repoRoot, 'test', 'support', 'resolve-localhost.cjs');
export const resultsDir = path.join(repoRoot, 'test-results');

/** Pinned versions; the install marker records them so a change triggers a reinstall. */
export const NODE24_VERSION = '24.22.3';
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const APT_PACKAGES = ['chromium', 'libkrb5-dev'];
