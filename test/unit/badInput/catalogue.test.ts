import { settings } from './vscodeStandIn';
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readCloudConfig } from '../../../src/auth/readCloudConfig';
import { parseTemplateFile } from '../../../src/domain/create/template/deployTemplate';
import { errorMessage } from '../../../src/l10n/errorMessage';
import { recordShownMessages } from '../../security/shownMessages';
import { emulatorCatalogue } from '../../integration/badInput/emulatorCases';
import { localCatalogue, type BadInputCase, type Surface } from './catalogue';
import { promptValidators, promptSurfaces, type PromptSurface } from './promptValidators';

const label = (c: BadInputCase) => `${c.surface}: ${JSON.stringify(c.input)}`;

describe('bad input catalogue: refused locally, with the exact message users see', () => {
    let validators: Awaited<ReturnType<typeof promptValidators>>;
    let files: Record<string, string>;
    let folder: string;
    const shown: string[] = [];

    before(async () => {
        validators = await promptValidators();
        folder = mkdtempSync(path.join(tmpdir(), 'acr-cmk-bad-input-'));
        files = { notPem: path.join(folder, 'ca.der'), keyPem: path.join(folder, 'key.pem'), missing: path.join(folder, 'missing.pem'), directory: folder };
        writeFileSync(files.notPem!, Buffer.from([0x30, 0x82, 0x01, 0x0a, 0x02, 0x82, 0x01, 0x01]));
        writeFileSync(files.keyPem!, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    });
    after(() => {
        settings.clear();
        rmSync(folder, { recursive: true, force: true });
        recordShownMessages('bad-input-local', shown);
        const refused = localCatalogue.filter((c) => c.message !== undefined).length;
        console.log(
            `      bad input: ${localCatalogue.length + emulatorCatalogue.length} cases (${localCatalogue.length} local: ${refused} refused, ${localCatalogue.length - refused} accepted at the edge; ${emulatorCatalogue.length} against the emulator)`,
        );
    });

    const withFiles = (text: string) => text.replace(/\{(notPem|keyPem|missing|directory)\}/g, (_all, name: string) => files[name] ?? name);

    async function shownFor(c: BadInputCase): Promise<string | undefined> {
        if (c.surface === 'templateFile') {
            try {
                parseTemplateFile(c.input, 'template.json');
                return undefined;
            } catch (error) {
                return errorMessage(error);
            }
        }
        if (c.surface === 'setting') {
            settings.clear();
            for (const [key, value] of Object.entries(c.settings ?? {})) settings.set(key, withFiles(value));
            try {
                await readCloudConfig();
                return undefined;
            } catch (error) {
                return errorMessage(error);
            }
        }
        return validators[c.surface as PromptSurface](c.input);
    }

    it('covers every prompt surface, the settings and template files, with at least 60 refused inputs', () => {
        const surfaces = new Set(localCatalogue.map((c) => c.surface));
        const all: Surface[] = [...promptSurfaces, 'setting', 'templateFile'];
        assert.deepEqual(
            all.filter((s) => !surfaces.has(s)),
            [],
        );
        assert.ok(localCatalogue.filter((c) => c.message !== undefined).length >= 60);
        assert.equal(new Set(localCatalogue.map(label)).size, localCatalogue.length, 'no duplicate case');
    });

    for (const c of localCatalogue) {
        it(`${label(c)} → ${c.message === undefined ? 'accepted' : 'refused'}`, async () => {
            const message = await shownFor(c);
            shown.push(message ?? '');
            assert.equal(message, c.message === undefined ? undefined : withFiles(c.message));
        });
    }
});
