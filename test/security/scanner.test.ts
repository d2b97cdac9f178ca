import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startEmulator } from '../emulator';
import { admin } from '../integration/emulator/harness';
import { emulatorOutDirs, productFiles, readIssuedSecrets, scanFiles } from './secretScan';

/** The scan must be able to fail: secrets the emulator really issued, planted in product-like files, are found. */
describe('security scan: finds planted secrets (it cannot pass vacuously)', function () {
    this.timeout(60000);
    let root: string;

    before(() => {
        root = mkdtempSync(path.join(tmpdir(), 'acr-cmk-scan-'));
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    it('finds an issued token, the client secret and a wrapped form of key material; skips fixtures; never prints a secret', async () => {
        const outDir = path.join(root, 'emulator-planted');
        const emulator = await startEmulator({ port: 0, outDir, seed: 'subscriptions=1,registries=2,cmk=1' });
        let token: string;
        try {
            token = (await admin(emulator, 'POST', 'tokens', {})).body.access_token as string;
        } finally {
            await emulator.stop();
        }
        const secrets = readIssuedSecrets(emulatorOutDirs(root));
        const kinds = new Set(secrets.map((s) => s.kind));
        for (const kind of ['accessTokenSignature', 'clientSecret', 'privateKeyD', 'privateKeyPem', 'wrappedKey']) {
            assert.ok(kinds.has(kind), `the emulator recorded a ${kind}`);
        }
        const wrapped = secrets.find((s) => s.kind === 'wrappedKey')!.value;
        const clientSecret = emulator.environment.clientSecret;

        const product = path.join(root, 'e2e-run', 'user-data');
        mkdirSync(path.join(product, 'logs'), { recursive: true });
        writeFileSync(path.join(product, 'logs', 'clean.log'), 'GET https://management.localhost/subscriptions 200\n');
        writeFileSync(path.join(product, 'logs', '1-ACR CMK.log'), `[info] Authorization: Bearer ${token}\n`);
        writeFileSync(
            path.join(product, 'state.vscdb'),
            Buffer.concat([Buffer.from([0x53, 0x51, 0x4c, 0x00, 0xff]), Buffer.from(`{"secret":"${clientSecret}"}`), Buffer.from([0x00])]),
        );
        const base64url = wrapped.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        writeFileSync(path.join(product, 'template.json'), JSON.stringify({ parameters: { data: { value: base64url } } }));
        const cliConfig = path.join(root, 'cli', 'azure-config-copy');
        mkdirSync(cliConfig, { recursive: true });
        writeFileSync(path.join(cliConfig, 'msal_token_cache.json'), JSON.stringify({ AccessToken: { secret: token } }));

        const result = scanFiles(productFiles(root), secrets);
        const found = result.leaks.map((leak) => `${path.relative(root, leak.file)}: ${leak.kind}`).sort();
        assert.deepEqual(found, [
            `${path.join('e2e-run', 'user-data', 'logs', '1-ACR CMK.log')}: accessTokenSignature`,
            `${path.join('e2e-run', 'user-data', 'state.vscdb')}: clientSecret`,
            `${path.join('e2e-run', 'user-data', 'template.json')}: wrappedKey`,
        ]);
        assert.ok(!productFiles(root).some((file) => file.startsWith(outDir) || file.startsWith(cliConfig)), 'fixtures are not scanned');
        const report = JSON.stringify(result.leaks);
        for (const secret of secrets) assert.ok(!report.includes(secret.value), 'the report never contains a secret');
    });
});
