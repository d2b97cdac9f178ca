import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
    allSourceEntries,
    allSourceMessages,
    englishMessage,
    extractMessages,
    extractSourceMessages,
    findNonLiteralCalls,
    readEnglishBundle,
    readJson,
    root,
    sourceFiles,
} from './l10nSources';
import { findUnlocalizedLiterals } from './literalScan';

const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();

describe('localization', () => {
    describe('package.json contributions (%key%)', () => {
        const english = readJson('package.nls.json');
        const chinese = readJson('package.nls.zh-cn.json');

        it('has the same keys in English and Chinese, none empty', () => {
            assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
            for (const [key, value] of [...Object.entries(english), ...Object.entries(chinese)]) {
                assert.ok(value.trim(), `empty translation for ${key}`);
            }
        });

        it('resolves every %key% of package.json, and every key is used', () => {
            const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
            const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1] as string));
            assert.ok(used.size > 10, 'package.json references nls keys');
            assert.deepEqual(
                [...used].filter((key) => !(key in english)),
                [],
                'keys missing from package.nls.json',
            );
            assert.deepEqual(
                Object.keys(english).filter((key) => !used.has(key)),
                [],
                'unused keys in package.nls.json',
            );
        });

        it('has no literal user-facing text in contributions', () => {
            const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
                contributes: unknown;
                displayName: string;
                description: string;
            };
            const literals: string[] = [];
            const visit = (value: unknown, key: string): void => {
                if (typeof value === 'string') {
                    if (/^(title|name|description|markdownDescription|contextualTitle)$/.test(key) && !/^%[^%]+%$/.test(value)) {
                        literals.push(`${key}: ${value}`);
                    }
                } else if (Array.isArray(value)) {
                    value.forEach((item) => visit(item, key === 'enumDescriptions' ? 'description' : key));
                } else if (value && typeof value === 'object') {
                    for (const [childKey, child] of Object.entries(value)) {
                        visit(child, childKey);
                    }
                }
            };
            visit(manifest.contributes, 'contributes');
            visit({ name: manifest.displayName, description: manifest.description }, '');
            assert.deepEqual(literals, []);
        });
    });

    describe('code (vscode.l10n.t)', () => {
        const english = readEnglishBundle();
        const chinese = readJson('l10n/bundle.l10n.zh-cn.json');
        /** The Chinese text of an English message, whether or not it carries a translator comment. */
        const zh = (message: string) => chinese[Object.keys(english).find((key) => englishMessage(english[key]!) === message) ?? message];

        it('bundles exactly the messages the code uses, in both languages', () => {
            const messages = allSourceMessages();
            assert.ok(messages.size > 30, 'messages were extracted');
            assert.deepEqual([...messages].filter((message) => !(message in english)).sort(), [], 'missing from l10n/bundle.l10n.json');
            assert.deepEqual(
                Object.keys(english)
                    .filter((key) => !messages.has(key))
                    .sort(),
                [],
                'stale keys in l10n/bundle.l10n.json',
            );
            assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort(), 'zh-cn bundle keys differ from the English bundle');
        });

        it('keeps every placeholder in the Chinese translation', () => {
            for (const [key, value] of Object.entries(chinese)) {
                assert.deepEqual(placeholders(value), placeholders(englishMessage(english[key] ?? key)), `placeholders of "${key}"`);
                assert.ok(value.trim(), `empty translation for "${key}"`);
            }
        });

        it("uses Azure's Chinese terminology for the core terms", () => {
            assert.equal(chinese['customer-managed key'], '客户管理的密钥');
            assert.equal(chinese['Key vault'], '密钥保管库');
            assert.equal(chinese['system-assigned identity'], '系统分配的标识');
            assert.match(zh('{0} (user-assigned, client ID {1})') ?? '', /用户分配的托管标识/);
        });

        it('tells translators what each placeholder is where a message of src/l10n has two or more', () => {
            const uncommented = sourceFiles(path.join(root, 'src', 'l10n')).flatMap((file) =>
                extractSourceMessages(readFileSync(file, 'utf8'))
                    .filter((entry) => !entry.comment && new Set(placeholders(entry.message)).size >= 2)
                    .map((entry) => `${path.relative(root, file)}: ${entry.message}`),
            );
            assert.deepEqual(uncommented, [], "use vscode.l10n.t({ message, args, comment: ['{0}: …', …] }) for these, then npm run l10n");
            for (const entry of allSourceEntries().values()) {
                if (entry.comment) {
                    assert.deepEqual(
                        english[entry.key],
                        { message: entry.message, comment: entry.comment },
                        `the English bundle carries the comment of "${entry.message}"`,
                    );
                }
            }
        });

        it('calls l10n.t only with a literal message', () => {
            const offenders = sourceFiles().flatMap((file) =>
                findNonLiteralCalls(readFileSync(file, 'utf8')).map((call) => `${path.relative(root, file)}: ${call}`),
            );
            assert.deepEqual(offenders, []);
        });

        it('has no user-facing literal outside l10n.t in src/', () => {
            const offenders = sourceFiles().flatMap((file) =>
                findUnlocalizedLiterals(readFileSync(file, 'utf8')).map((finding) => `${path.relative(root, file)}:${finding.line}: ${finding.text}`),
            );
            assert.deepEqual(offenders, []);
        });

        it('the scanners catch what they are meant to catch', () => {
            assert.equal(findUnlocalizedLiterals(`void vscode.window.showErrorMessage('Something failed');`).length, 1);
            assert.equal(findUnlocalizedLiterals(`const item = { label: 'Sign in', data: 1 };`).length, 1);
            assert.equal(findUnlocalizedLiterals(`throw new Error("bad key");`).length, 1);
            assert.equal(findUnlocalizedLiterals(`item.tooltip = vscode.l10n.t('Fine');`).length, 0);
            assert.deepEqual(extractMessages(`vscode.l10n.t('It\\'s {0}', x); l10n.t("Two")`), ["It's {0}", 'Two']);
            assert.equal(findNonLiteralCalls('vscode.l10n.t(message)').length, 1);
            assert.deepEqual(extractMessages(`vscode.l10n.t({ message: 'A "{0}" in {1}', args: [a, b], comment: ['{0}: a name', '{1}: a place'] })`), [
                'A "{0}" in {1}/{0}: a name{1}: a place',
            ]);
            assert.equal(findNonLiteralCalls(`vscode.l10n.t({ message: 'A {0}', args: [a] })`).length, 1, 'the object form is for a comment');
            assert.equal(
                findUnlocalizedLiterals(`vscode.l10n.t({ message: 'A {0} in {1}', args: [a, b], comment: ['{0}: a name', '{1}: a place'] })`).length,
                0,
            );
        });
    });
});
