// The zh-cn display-language run: a second code-server started with `--locale zh-cn`, whose profile has the
// test-only language pack (test/e2e/fixtures/zh-cn-language-pack) installed — code-server switches its
// display language only when a language pack for the locale is installed, and none can be downloaded here.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureAptPackages } from '../apt.mjs';
import { installTestExtension, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';

export const ZH_CN_LOCALE = 'zh-cn';
/** Debian's Chromium has no CJK font: without one every Chinese character is drawn as a box in the screenshots. */
export const CJK_FONT_PACKAGES = ['fonts-wqy-microhei'];
export const languagePackDir = path.join(repoRoot, 'test', 'e2e', 'fixtures', 'zh-cn-language-pack');

/**
 * Packages the language pack (VSIX, with the project's own vsce), installs it into the profile in `runDir` with
 * code-server's own `--install-extension`, indexes it (languagepacks.json, see below), then starts code-server in zh-cn.
 * @param {Parameters<typeof startCodeServer>[0]} options
 */
export async function startZhCnCodeServer(options) {
    ensureAptPackages(CJK_FONT_PACKAGES, 'Chinese text in the zh-cn screenshots');
    await installTestExtension(options.host, options.runDir, languagePackDir, 'zh-cn-language-pack.vsix');
    writeLanguagePacksIndex(path.join(options.runDir, 'user-data'), path.join(options.runDir, 'extensions'));
    return startCodeServer({ ...options, name: 'code-server-zh-cn', extraArgs: ['--locale', ZH_CN_LOCALE, ...(options.extraArgs ?? [])] });
}

/**
 * `<user-data>/languagepacks.json` is the index the server reads at start to find the translations of `--locale`.
 * VS Code's server writes it from its install participant, which code-server's `--install-extension` (the CLI
 * path) does not run; so it is written here the way VS Code's LanguagePacksCache builds it from the installed
 * extensions: `{ [languageId]: { hash, extensions: [{ extensionIdentifier: { id }, version }], translations: { id: file }, label } }`.
 */
export function writeLanguagePacksIndex(userDataDir, extensionsDir) {
    const index = {};
    for (const folder of readdirSync(extensionsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
        const location = path.join(extensionsDir, folder.name);
        const manifest = JSON.parse(readFileSync(path.join(location, 'package.json'), 'utf8'));
        for (const localization of manifest.contributes?.localizations ?? []) {
            const pack = (index[localization.languageId] ??= {
                hash: '',
                extensions: [],
                translations: {},
                label: localization.localizedLanguageName ?? localization.languageName,
            });
            pack.extensions.push({ extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}`.toLowerCase() }, version: manifest.version });
            for (const translation of localization.translations) pack.translations[translation.id] = path.join(location, translation.path);
        }
    }
    for (const pack of Object.values(index)) {
        const hash = createHash('md5');
        for (const extension of pack.extensions) hash.update(extension.extensionIdentifier.id).update(extension.version);
        pack.hash = hash.digest('hex');
    }
    if (!index[ZH_CN_LOCALE]) throw new Error(`no installed extension in ${extensionsDir} contributes the ${ZH_CN_LOCALE} localization`);
    mkdirSync(userDataDir, { recursive: true });
    writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(index, null, 2));
}
