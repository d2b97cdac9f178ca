// What the zh-cn run expects on screen, read from the extension's own translation files (never re-typed here),
// each checked to really be Chinese — a "translation" left in English could not make these tests pass.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requiredEnv } from '../ui/workbench';

const hasHanCharacters = /[\u4e00-\u9fff]/;

function readJson(relativePath: string): Record<string, string> {
    return JSON.parse(fs.readFileSync(path.join(requiredEnv('E2E_EXTENSION_DIR'), relativePath), 'utf8')) as Record<string, string>;
}

function chinese(table: Record<string, string>, key: string, file: string): string {
    const text = table[key];
    if (!text) throw new Error(`${file} has no translation for "${key}"`);
    if (!hasHanCharacters.test(text)) throw new Error(`${file}: the translation of "${key}" is not Chinese: "${text}"`);
    return text;
}

/** A `%key%` of package.json in Chinese (package.nls.zh-cn.json). */
export function zhNls(key: string): string {
    return chinese(readJson('package.nls.zh-cn.json'), key, 'package.nls.zh-cn.json');
}

/** A `vscode.l10n.t` message in Chinese (l10n/bundle.l10n.zh-cn.json), keyed by its English source text. */
export function zhL10n(message: string): string {
    return chinese(readJson(path.join('l10n', 'bundle.l10n.zh-cn.json')), message, 'l10n/bundle.l10n.zh-cn.json');
}

/** Whether package.json contributes a command (the create wizard is written concurrently with these tests). */
export function contributesCommand(id: string): boolean {
    const manifest = JSON.parse(fs.readFileSync(path.join(requiredEnv('E2E_EXTENSION_DIR'), 'package.json'), 'utf8')) as {
        contributes?: { commands?: { command: string }[] };
    };
    return (manifest.contributes?.commands ?? []).some((command) => command.command === id);
}
