import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import type { RunningEmulator } from '../../emulator/index';
import { admin, call, credentialFor, startForSuite } from './harness';
import { clientsFor, createVault, failure, type Clients } from './clients';

describe('emulator: Key Vault keys data plane (@azure/keyvault-keys)', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let c: Clients;
    let vaultUri: string;

    before(async () => {
        emu = await startForSuite('keys');
        c = clientsFor(emu);
        await c.resources.resourceGroups.createOrUpdate('rg-keys', { location: 'eastus' });
        vaultUri = (await createVault(c, emu, 'rg-keys', 'kv-keys-ap')).properties.vaultUri!;
    });
    after(() => emu.stop());

    it('answers an unauthenticated request with the challenge (authority + resource with port)', async () => {
        const res = await call(emu, 'GET', `${vaultUri}keys?api-version=7.4-preview.1`);
        assert.equal(res.status, 401);
        assert.equal(
            res.headers['www-authenticate'],
            `Bearer authorization="${emu.environment.authority}/${emu.environment.tenantId}", resource="${emu.environment.keyVaultAudience}"`,
        );
        assert.match(emu.environment.keyVaultAudience, /:\d+$/);
    });

    it('creates RSA keys of 2048/3072/4096 bits, EC keys, and versions under an existing name', async () => {
        const keys = c.keys(vaultUri);
        const rsa = await keys.createRsaKey('cmk', { keySize: 2048 });
        assert.match(rsa.id!, new RegExp(`^${vaultUri}keys/cmk/[0-9a-f]{32}$`));
        assert.equal(rsa.key!.n!.length, 256);
        assert.equal((await keys.createRsaKey('big3072', { keySize: 3072 })).key!.n!.length, 384);
        assert.equal((await keys.createRsaKey('big4096', { keySize: 4096 })).key!.n!.length, 512);
        const ec = await keys.createEcKey('eckey', { curve: 'P-256' });
        assert.equal(ec.keyType, 'EC');
        const second = await keys.createRsaKey('cmk');
        assert.notEqual(second.properties.version, rsa.properties.version);
        assert.equal((await keys.getKey('cmk')).properties.version, second.properties.version);
        assert.equal((await keys.getKey('cmk', { version: rsa.properties.version })).properties.version, rsa.properties.version);
        const versions: string[] = [];
        for await (const v of keys.listPropertiesOfKeyVersions('cmk')) versions.push(v.version!);
        assert.deepEqual(versions.sort(), [rsa.properties.version!, second.properties.version!].sort());
        const names: string[] = [];
        for await (const k of keys.listPropertiesOfKeys()) names.push(k.name);
        assert.deepEqual(names.sort(), ['big3072', 'big4096', 'cmk', 'eckey']);
    });

    it('refuses HSM keys in a standard vault, bad sizes and unknown types', async () => {
        const keys = c.keys(vaultUri);
        assert.equal((await failure(keys.createKey('hsm', 'RSA-HSM'))).code, 'BadParameter');
        assert.equal((await failure(keys.createRsaKey('odd', { keySize: 1024 }))).code, 'BadParameter');
        assert.equal((await failure(keys.createKey('oct', 'oct' as never))).code, 'BadParameter');
    });

    it('wraps and unwraps with real RSA for RSA-OAEP, RSA-OAEP-256 and RSA1_5', async () => {
        const key = await c.keys(vaultUri).createRsaKey('wrapper');
        const crypto = c.crypto(key.id!);
        for (const alg of ['RSA-OAEP', 'RSA-OAEP-256', 'RSA1_5'] as const) {
            const secret = randomBytes(32);
            const wrapped = await crypto.wrapKey(alg, secret);
            assert.notDeepEqual(Buffer.from(wrapped.result), secret);
            assert.deepEqual(Buffer.from((await crypto.unwrapKey(alg, wrapped.result)).result), secret, alg);
        }
        const otherKey = await c.keys(vaultUri).createRsaKey('other');
        const wrapped = await crypto.wrapKey('RSA-OAEP', randomBytes(32));
        assert.equal((await failure(c.crypto(otherKey.id!).unwrapKey('RSA-OAEP', wrapped.result))).code, 'BadParameter');
    });

    it("disabling a key stops unwrap with Key Vault's 403; an expired key still unwraps but no longer wraps; re-enabling restores it", async () => {
        const keys = c.keys(vaultUri);
        const key = await keys.createRsaKey('lifecycle');
        const crypto = c.crypto(key.id!);
        const wrapped = await crypto.wrapKey('RSA-OAEP', randomBytes(32));
        await keys.updateKeyProperties('lifecycle', key.properties.version!, { enabled: false });
        const disabled = await failure(crypto.unwrapKey('RSA-OAEP', wrapped.result));
        assert.equal(disabled.statusCode, 403);
        assert.match(disabled.message, /disabled/);
        await keys.updateKeyProperties('lifecycle', key.properties.version!, { enabled: true, expiresOn: new Date(Date.now() - 60_000) });
        // Key Vault's date-time controlled operations: outside nbf/exp, unwrap still works, wrap is refused.
        assert.equal((await crypto.unwrapKey('RSA-OAEP', wrapped.result)).result.length, 32);
        const token = (await credentialFor(emu).getToken(`${emu.environment.keyVaultAudience}/.default`)).token;
        const wrap = await call(emu, 'POST', `${vaultUri}keys/lifecycle/${key.properties.version}/wrapkey?api-version=7.4`, {
            token,
            body: { alg: 'RSA-OAEP', value: randomBytes(32).toString('base64url') },
        });
        assert.equal(wrap.status, 403);
        assert.equal(wrap.body.error.innererror.code, 'KeyExpired');
        const restored = await keys.updateKeyProperties('lifecycle', key.properties.version!, { expiresOn: new Date(Date.now() + 86_400_000) });
        assert.equal(restored.properties.enabled, true);
        assert.equal((await crypto.unwrapKey('RSA-OAEP', wrapped.result)).result.length, 32);
    });

    it('soft-deletes, lists, recovers and purges keys; purge protection forbids purge', async () => {
        const keys = c.keys(vaultUri);
        await keys.createRsaKey('doomed');
        await (await keys.beginDeleteKey('doomed')).pollUntilDone();
        assert.equal((await failure(keys.getKey('doomed'))).code, 'KeyNotFound');
        assert.equal((await keys.getDeletedKey('doomed')).name, 'doomed');
        assert.equal((await failure(keys.createRsaKey('doomed'))).statusCode, 409);
        await (await keys.beginRecoverDeletedKey('doomed')).pollUntilDone();
        assert.equal((await keys.getKey('doomed')).name, 'doomed');
        await (await keys.beginDeleteKey('doomed')).pollUntilDone();
        await keys.purgeDeletedKey('doomed');
        assert.equal((await failure(keys.getDeletedKey('doomed'))).statusCode, 404);

        const protectedUri = (await createVault(c, emu, 'rg-keys', 'kv-keys-pp', { enablePurgeProtection: true })).properties.vaultUri!;
        const pk = c.keys(protectedUri);
        await pk.createRsaKey('kept');
        await (await pk.beginDeleteKey('kept')).pollUntilDone();
        assert.equal((await failure(pk.purgeDeletedKey('kept'))).statusCode, 403);
    });

    it('rotates a key and keeps a rotation policy', async () => {
        const keys = c.keys(vaultUri);
        const first = await keys.createRsaKey('rotating', { keySize: 2048 });
        const rotated = await keys.rotateKey('rotating');
        assert.notEqual(rotated.properties.version, first.properties.version);
        assert.equal(rotated.key!.n!.length, 256);
        await keys.updateKeyRotationPolicy('rotating', { lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P90D' }], expiresIn: 'P1Y' });
        const policy = await keys.getKeyRotationPolicy('rotating');
        assert.equal(policy.lifetimeActions![0]!.action, 'Rotate');
        assert.equal(policy.lifetimeActions![0]!.timeAfterCreate, 'P90D');
    });

    it("authorizes by access policy for the caller's object id", async () => {
        const other = (await admin(emu, 'POST', 'principals', { displayName: 'no-rights' })).body;
        const otherKeys = clientsFor(emu, credentialFor(emu, other.clientId, other.clientSecret)).keys(vaultUri);
        const denied = await failure(otherKeys.getKey('cmk'));
        assert.equal(denied.statusCode, 403);
        assert.equal(denied.code, 'Forbidden');
        assert.match(denied.message, /does not have keys get permission/);
        await c.keyVault.vaults.updateAccessPolicy('rg-keys', 'kv-keys-ap', 'add', {
            properties: { accessPolicies: [{ tenantId: emu.environment.tenantId, objectId: other.objectId, permissions: { keys: ['get'] } }] },
        });
        assert.equal((await otherKeys.getKey('cmk')).name, 'cmk');
        assert.equal((await failure(otherKeys.createRsaKey('nope'))).statusCode, 403);
    });

    it('authorizes RBAC vaults by role assignment data actions at vault scope or above', async () => {
        const vault = await createVault(c, emu, 'rg-keys', 'kv-keys-rbac', { enableRbacAuthorization: true, accessPolicies: [] });
        const keys = c.keys(vault.properties.vaultUri!);
        const denied = await failure(keys.createRsaKey('k'));
        assert.equal(denied.statusCode, 403);
        assert.match(denied.message, /Caller is not authorized to perform action on resource/);
        const sub = emu.environment.subscriptions[0]!.id;
        await c.authorization.roleAssignments.create(vault.id!, '7d3f0000-0000-4000-8000-000000000001', {
            roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/14b46e9e-c2b7-41b4-b07b-48a6ebf60603`,
            principalId: emu.environment.principalObjectId,
        });
        const key = await keys.createRsaKey('k');
        assert.equal((await c.crypto(key.id!).unwrapKey('RSA-OAEP', (await c.crypto(key.id!).wrapKey('RSA-OAEP', randomBytes(16))).result)).result.length, 16);
    });

    it('applies the vault firewall: allowed ipRules pass, others get ForbiddenByFirewall', async () => {
        const open = await createVault(c, emu, 'rg-keys', 'kv-keys-fw-ok', {
            networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '127.0.0.1' }] },
        });
        assert.equal((await c.keys(open.properties.vaultUri!).createRsaKey('inside')).name, 'inside');
        const closed = await createVault(c, emu, 'rg-keys', 'kv-keys-fw-no', {
            networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '203.0.113.0/24' }] },
        });
        const blocked = await failure(c.keys(closed.properties.vaultUri!).createRsaKey('outside'));
        assert.equal(blocked.statusCode, 403);
        assert.match(blocked.message, /Client address is not authorized/);
        const raw = await call(emu, 'POST', `${closed.properties.vaultUri}keys/outside/create?api-version=7.4-preview.1`, {
            token: (await credentialFor(emu).getToken(`${emu.environment.keyVaultAudience}/.default`)).token,
            body: { kty: 'RSA' },
        });
        assert.equal(raw.body.error.innererror.code, 'ForbiddenByFirewall');
    });

    it("accepts the Azure CLI's api-version 7.4-preview.1 and rejects a token for another audience", async () => {
        const vaultToken = (await credentialFor(emu).getToken(`${emu.environment.keyVaultAudience}/.default`)).token;
        const created = await call(emu, 'POST', `${vaultUri}keys/clikey/create?api-version=7.4-preview.1`, { token: vaultToken, body: { kty: 'RSA' } });
        assert.equal(created.status, 200);
        assert.match(created.body.key.kid, /\/keys\/clikey\/[0-9a-f]{32}$/);
        const armToken = (await credentialFor(emu).getToken(`${emu.environment.armAudience}.default`)).token;
        const wrongAudience = await call(emu, 'GET', `${vaultUri}keys/clikey?api-version=7.4-preview.1`, { token: armToken });
        assert.equal(wrongAudience.status, 401);
        assert.match(wrongAudience.body.error.message, /Invalid audience/);
    });
});
