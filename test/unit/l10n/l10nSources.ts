import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const root = path.resolve(__dirname, '..', '..', '..');

export function sourceFiles(dir = path.join(root, 'src')): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
    });
}

/** The message of every `l10n.t('…')` call: the keys `l10n/bundle.l10n*.json` must hold. */
export function extractMessages(source: string): string[] {
    const messages: string[] = [];
    for (const match of source.matchAll(/\bl10n\.t\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g)) {
        messages.push(unescape(match[2] ?? ''));
    }
    return messages;
}

/** Calls whose first argument is not a plain string literal cannot be extracted: each one is a defect. */
export function findNonLiteralCalls(source: string): string[] {
    return [...source.matchAll(/\bl10n\.t\(\s*([^'"\s])/g)].map((match) => match[0]);
}

function unescape(text: string): string {
    return text.replace(/\\(u\{[0-9a-f]+\}|u[0-9a-f]{4}|.)/gi, (_all, code: string) => {
        if (code.startsWith('u')) {
            return String.fromCodePoint(parseInt(code.replace(/[u{}]/g, ''), 16));
        }
        return ({ n: '\n', t: '\t' } as Record<string, string>)[code] ?? code;
    });
}

export function readJson(relative: string): Record<string, string> {
    return JSON.parse(readFileSync(path.join(root, relative), 'utf8')) as Record<string, string>;
}

export function allSourceMessages(): Set<string> {
    return new Set(sourceFiles().flatMap((file) => extractMessages(readFileSync(file, 'utf8'))));
}
