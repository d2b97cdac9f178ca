import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const root = path.resolve(__dirname, '..', '..', '..');

export function sourceFiles(dir = path.join(root, 'src')): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
    });
}

/** One message the code passes to `l10n.t`, with the translator comment of the object form (`{ message, args, comment }`). */
export interface SourceMessage {
    /** The bundle key: the message, or, as VS Code looks a commented message up, `message/comment joined`. */
    readonly key: string;
    readonly message: string;
    readonly comment?: readonly string[];
}

const plainCall = /\bl10n\.t\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g;
// `l10n.t({ message: '…', args: […], comment: ['…', …] })`, the comment within the same call.
const commentedCall =
    /\bl10n\.t\(\{\s*message:\s*(['"])((?:\\.|(?!\1)[^\\])*)\1(?:(?!l10n\.t\()[^])*?\bcomment:\s*\[((?:\s*(['"])(?:\\.|(?!\4)[^\\])*\4\s*,?)*)\s*\]/g;
const commentLiteral = /(['"])((?:\\.|(?!\1)[^\\])*)\1/g;

/** Every `l10n.t` message of a source file, plain and commented. */
export function extractSourceMessages(source: string): SourceMessage[] {
    const plain = [...source.matchAll(plainCall)].map((match) => ({ at: match.index, key: unescape(match[2] ?? ''), message: unescape(match[2] ?? '') }));
    const commented = [...source.matchAll(commentedCall)].map((match) => {
        const message = unescape(match[2] ?? '');
        const comment = [...(match[3] ?? '').matchAll(commentLiteral)].map((part) => unescape(part[2] ?? ''));
        return { at: match.index, key: `${message}/${comment.join('')}`, message, comment };
    });
    return [...plain, ...commented].sort((a, b) => a.at - b.at).map(({ at: _at, ...entry }) => entry);
}

/** The bundle key of every `l10n.t` call: the keys `l10n/bundle.l10n*.json` must hold. */
export function extractMessages(source: string): string[] {
    return extractSourceMessages(source).map((entry) => entry.key);
}

/**
 * Calls whose message cannot be extracted (not a string literal; an object form without a literal message and a
 * translator comment): each one is a defect.
 */
export function findNonLiteralCalls(source: string): string[] {
    const commentedCalls = [...source.matchAll(commentedCall)].length;
    const objectCalls = [...source.matchAll(/\bl10n\.t\(\s*\{/g)].length;
    const odd = [...source.matchAll(/\bl10n\.t\(\s*([^'"\s{])/g)].map((match) => match[0]);
    return objectCalls > commentedCalls ? [...odd, `${objectCalls - commentedCalls} l10n.t({…}) without a literal message and comment`] : odd;
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

/** An English bundle entry: the message, or `{ message, comment }` for a commented one (as @vscode/l10n-dev writes it). */
export type EnglishEntry = string | { readonly message: string; readonly comment: readonly string[] };

export function readEnglishBundle(): Record<string, EnglishEntry> {
    return JSON.parse(readFileSync(path.join(root, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, EnglishEntry>;
}

export const englishMessage = (entry: EnglishEntry): string => (typeof entry === 'string' ? entry : entry.message);

export function allSourceMessages(): Set<string> {
    return new Set(sourceFiles().flatMap((file) => extractMessages(readFileSync(file, 'utf8'))));
}

/** Every message of src/ by bundle key. */
export function allSourceEntries(): Map<string, SourceMessage> {
    return new Map(sourceFiles().flatMap((file) => extractSourceMessages(readFileSync(file, 'utf8')).map((entry) => [entry.key, entry] as const)));
}
