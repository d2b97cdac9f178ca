// `npm run l10n`: rewrites l10n/bundle.l10n.json from the messages the code passes to vscode.l10n.t (existing order
// kept, new messages appended), drops
// keys the code no longer uses from the zh-cn bundle, and lists the messages that still need a Chinese translation
// (the unit test "bundles exactly the messages the code uses" fails until they have one).
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { allSourceEntries, readEnglishBundle, readJson, root } from '../test/unit/l10n/l10nSources';

// Keys are the messages, or `message/comment` for a message with a translator comment (VS Code's lookup key); the
// English bundle carries such a message as `{ message, comment }`, as @vscode/l10n-dev writes it, for translators.
const used = allSourceEntries();
const current = Object.keys(readEnglishBundle());
const messages = [...current.filter((key) => used.has(key)), ...[...used.keys()].filter((key) => !current.includes(key)).sort()];
const englishEntry = (key: string) => {
    const entry = used.get(key)!;
    return entry.comment ? { message: entry.message, comment: entry.comment } : entry.message;
};
const write = (file: string, value: Record<string, unknown>) => writeFileSync(path.join(root, file), `${JSON.stringify(value, null, 2)}\n`);
write('l10n/bundle.l10n.json', Object.fromEntries(messages.map((key) => [key, englishEntry(key)])));
const chinese = readJson('l10n/bundle.l10n.zh-cn.json');
write('l10n/bundle.l10n.zh-cn.json', Object.fromEntries(messages.filter((message) => message in chinese).map((message) => [message, chinese[message]!])));
const missing = messages.filter((message) => !(message in chinese));
console.log(
    missing.length === 0
        ? 'l10n: every message has a zh-cn translation'
        : `l10n: ${missing.length} message(s) need a zh-cn translation:\n${missing.map((m) => `  ${JSON.stringify(m)}`).join('\n')}`,
);
