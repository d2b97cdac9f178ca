import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import type { RunningEmulator } from '../../emulator/index';
import { armToken, call, startForSuite } from './harness';
import { ALL_KEY_PERMISSIONS, clientsFor, createVault, failure, type Clients } from './clients';

// Microsoft.KeyVault/vaults/keys through ARM (what templates and Bicep use), against the real @azure/arm-keyvault 5
// and @azure/keyvault-keys: the key created on the control plane is the key the vault data plane serves.
describe('emulator: control-plane keys Microsoft.KeyVault/vaults/keys (@azure/arm-keyvault 5)', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let c: Clients;
    let vaultUri: string;
    let armKeys: string;
    const RG = 'rg-armkeys';
    const VAULT = 'kv-armkeys';

    before(async () => {
        emu = await startForSuite('vault-keys');
        c = clientsFor(emu);
        await c.resources.resourceGroups.createOrUpdate(RG, { location: 'eastus' });
        // Access-policy vault with NO policy: the caller has no data-plane right at all on it.
        vaultUri = (await createVault(c, emu, RG, VAULT, { accessPolicies: [] })).properties.vaultUri!;
        armKeys = `${emu.environment.armEndpoint}subscriptions/${emu.environment.subscriptions[0]!.id}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/${VAULT}/keys`;
    });
    after(() => emu.stop());

    it('creates an RSA 3072 key through ARM without any data-plane right; keys.get and KeyClient.getKey return that version', async () => {
        const created = await c.keyVault.keys.createIfNotExist(RG, VAULT, 'cmk-arm', { properties: { kty: 'RSA', keySize: 3072 } });
        assert.equal(created.type, 'Microsoft.KeyVault/vaults/keys');
        assert.equal(created.name, 'cmk-arm');
        assert.equal(
            created.id,
            `/subscriptions/${emu.environment.subscriptions[0]!.id}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/${VAULT}/keys/cmk-arm`,
        );
        assert.equal(created.location, 'eastus');
        assert.equal(created.kty, 'RSA');
        assert.equal(created.keySize, 3072);
        assert.deepEqual(created.keyOps, ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey']);
        assert.equal(created.keyUri, `${vaultUri}keys/cmk-arm`);
        assert.match(created.keyUriWithVersion!, new RegExp(`^${vaultUri}keys/cmk-arm/[0-9a-f]{32}$`));
        assert.equal(created.attributes?.enabled, true);
        assert.equal(created.attributes?.exportable, false);
        assert.equal(created.attributes?.recoveryLevel, 'Recoverable+Purgeable');
        assert.ok(Math.abs(created.attributes!.created! - Date.now() / 1000) < 120);

        const got = await c.keyVault.keys.get(RG, VAULT, 'CMK-ARM');
        assert.equal(got.keyUriWithVersion, created.keyUriWithVersion);
        assert.equal(got.keySize, 3072);

        // Control plane, not data plane: the same caller is refused by the vault itself (no access policy).
        const refused = await failure(c.keys(vaultUri).getKey('cmk-arm'));
        assert.equal(refused.statusCode, 403);
        await c.keyVault.vaults.updateAccessPolicy(RG, VAULT, 'add', {
            properties: {
                accessPolicies: [
                    { tenantId: emu.environment.tenantId, objectId: emu.environment.principalObjectId, permissions: { keys: ALL_KEY_PERMISSIONS as never[] } },
                ],
            },
        });

        const served = await c.keys(vaultUri).getKey('cmk-arm');
        assert.equal(served.id, created.keyUriWithVersion);
        assert.equal(served.key!.n!.length, 384, 'a 3072-bit modulus');
        const crypto = c.crypto(served.id!);
        const secret = randomBytes(32);
        const wrapped = await crypto.wrapKey('RSA-OAEP', secret);
        assert.deepEqual(Buffer.from((await crypto.unwrapKey('RSA-OAEP', wrapped.result)).result), secret);
    });

    it('PUT on an existing key returns it unchanged: no new version, the new body not applied', async () => {
        const first = await c.keyVault.keys.get(RG, VAULT, 'cmk-arm');
        const again = await c.keyVault.keys.createIfNotExist(RG, VAULT, 'cmk-arm', {
            properties: { kty: 'RSA', keySize: 4096, attributes: { enabled: false } },
        });
        assert.equal(again.keyUriWithVersion, first.keyUriWithVersion);
        assert.equal(again.keySize, 3072);
        assert.equal(again.attributes?.enabled, true);
        const versions = [];
        for await (const v of c.keyVault.keys.listVersions(RG, VAULT, 'cmk-arm')) versions.push(v);
        assert.equal(versions.length, 1);
        assert.equal(versions[0]!.type, 'Microsoft.KeyVault/vaults/keys/versions');
        assert.equal(versions[0]!.keyUriWithVersion, first.keyUriWithVersion);
    });

    it('follows the data plane: a version made there is the current one through ARM, listed and readable by version', async () => {
        const rotated = await c.keys(vaultUri).createRsaKey('cmk-arm', { keySize: 3072 });
        const current = await c.keyVault.keys.get(RG, VAULT, 'cmk-arm');
        assert.equal(current.keyUriWithVersion, rotated.id);
        const byVersion = await c.keyVault.keys.getVersion(RG, VAULT, 'cmk-arm', rotated.properties.version!);
        assert.deepEqual(
            [byVersion.name, byVersion.type, byVersion.kty, byVersion.keySize],
            [rotated.properties.version, 'Microsoft.KeyVault/vaults/keys/versions', 'RSA', 3072],
        );
        const versions = [];
        for await (const v of c.keyVault.keys.listVersions(RG, VAULT, 'cmk-arm')) versions.push(v.name);
        assert.equal(versions.length, 2);
        const names = [];
        for await (const k of c.keyVault.keys.list(RG, VAULT)) names.push(k.name);
        assert.deepEqual(names, ['cmk-arm']);
    });

    it('concurrent PUTs of a new key create a single first version; defaults are RSA 2048 and EC P-256', async () => {
        const [a, b] = await Promise.all([0, 1].map(() => c.keyVault.keys.createIfNotExist(RG, VAULT, 'racy', { properties: { kty: 'RSA' } })));
        assert.equal(a!.keyUriWithVersion, b!.keyUriWithVersion);
        assert.equal(a!.keySize, 2048);
        const ec = await c.keyVault.keys.createIfNotExist(RG, VAULT, 'ec-arm', { properties: { kty: 'EC' } });
        assert.deepEqual([ec.kty, ec.curveName, ec.keySize], ['EC', 'P-256', undefined]);
    });

    it('answers the exact resource shape over HTTP', async () => {
        const token = await armToken(emu);
        const res = await call(emu, 'PUT', `${armKeys}/shape?api-version=2023-07-01`, {
            token,
            body: { tags: { env: 'test' }, properties: { kty: 'RSA', keySize: 2048, keyOps: ['wrapKey', 'unwrapkey'], attributes: { enabled: true } } },
        });
        assert.equal(res.status, 200);
        assert.deepEqual(Object.keys(res.body).sort(), ['id', 'location', 'name', 'properties', 'tags', 'type']);
        assert.deepEqual(res.body.tags, { env: 'test' });
        assert.deepEqual(Object.keys(res.body.properties).sort(), ['attributes', 'keyOps', 'keySize', 'keyUri', 'keyUriWithVersion', 'kty']);
        assert.deepEqual(res.body.properties.keyOps, ['wrapKey', 'unwrapKey']);
        assert.deepEqual(Object.keys(res.body.properties.attributes).sort(), ['created', 'enabled', 'exportable', 'recoveryLevel', 'updated']);
        const list = await call(emu, 'GET', `${armKeys}?api-version=2023-07-01`, { token });
        const item = list.body.value.find((k: { name: string }) => k.name === 'shape');
        assert.deepEqual(Object.keys(item.properties).sort(), ['attributes', 'keyUri']);
    });

    it('refuses a missing vault (404), bad kty/keySize and HSM keys in a standard vault (400), and answers 404 for a missing key', async () => {
        const missingVault = await failure(c.keyVault.keys.createIfNotExist(RG, 'kv-nope', 'k', { properties: { kty: 'RSA' } }));
        assert.deepEqual([missingVault.statusCode, missingVault.code], [404, 'ResourceNotFound']);
        const badKty = await failure(c.keyVault.keys.createIfNotExist(RG, VAULT, 'bad-kty', { properties: { kty: 'oct' as never } }));
        assert.equal(badKty.statusCode, 400);
        assert.match(badKty.message, /properties\.kty.*'oct'.*RSA, RSA-HSM/);
        const badSize = await failure(c.keyVault.keys.createIfNotExist(RG, VAULT, 'bad-size', { properties: { kty: 'RSA', keySize: 1024 } }));
        assert.equal(badSize.statusCode, 400);
        assert.match(badSize.message, /properties\.keySize.*1024.*2048, 3072, 4096/);
        const hsm = await failure(c.keyVault.keys.createIfNotExist(RG, VAULT, 'hsm', { properties: { kty: 'RSA-HSM', keySize: 2048 } }));
        assert.equal(hsm.statusCode, 400);
        assert.match(hsm.message, /Premium/);
        const missingKey = await failure(c.keyVault.keys.get(RG, VAULT, 'never-made'));
        assert.deepEqual([missingKey.statusCode, missingKey.code], [404, 'ResourceNotFound']);
        for (const name of ['bad-kty', 'bad-size', 'hsm']) assert.equal((await failure(c.keys(vaultUri).getKey(name))).statusCode, 404);
    });
});
