import { strict as assert } from 'node:assert';
import type { RunningEmulator } from '../../emulator/index';
import { admin, armToken, call, startForSuite } from './harness';
import { clientsFor, createVault, failure, type Clients } from './clients';

describe('emulator: Key Vault management plane (@azure/arm-keyvault 5)', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let c: Clients;
    let tenantId: string;
    const RG = 'rg-vaults';

    before(async () => {
        emu = await startForSuite('vaults');
        c = clientsFor(emu);
        tenantId = emu.environment.tenantId;
        await c.resources.resourceGroups.createOrUpdate(RG, { location: 'eastus' });
    });
    after(() => emu.stop());

    it('creates a vault like Azure: soft delete on, 90 days, vaultUri under the DNS suffix', async () => {
        const v = await createVault(c, emu, RG, 'kv-basic-01');
        assert.equal(v.properties.enableSoftDelete, true);
        assert.equal(v.properties.softDeleteRetentionInDays, 90);
        assert.equal(v.properties.vaultUri, `https://kv-basic-01${emu.environment.keyVaultDnsSuffix}/`);
        assert.equal((await c.keyVault.vaults.get(RG, 'KV-BASIC-01')).name, 'kv-basic-01');
    });

    it('answers the creating PUT RegisteringDns (vaultUri without its slash), which the SDK polls once to Succeeded', async () => {
        const path = `/subscriptions/${emu.environment.subscriptions[0]!.id}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-dns-raw`;
        const token = await armToken(emu);
        const put = await call(emu, 'PUT', `${emu.environment.armEndpoint}${path.slice(1)}?api-version=2026-02-01`, {
            token,
            body: { location: 'eastus', properties: { tenantId, sku: { family: 'A', name: 'standard' } } },
        });
        assert.deepEqual(
            [put.status, put.body.properties.provisioningState, put.body.properties.vaultUri, put.headers['azure-asyncoperation'], put.headers.location],
            [200, 'RegisteringDns', `https://kv-dns-raw${emu.environment.keyVaultDnsSuffix}`, undefined, undefined],
        );
        const got = await call(emu, 'GET', `${emu.environment.armEndpoint}${path.slice(1)}?api-version=2026-02-01`, { token });
        assert.deepEqual(
            [got.body.properties.provisioningState, got.body.properties.vaultUri],
            ['Succeeded', `https://kv-dns-raw${emu.environment.keyVaultDnsSuffix}/`],
        );
        const update = await call(emu, 'PUT', `${emu.environment.armEndpoint}${path.slice(1)}?api-version=2026-02-01`, {
            token,
            body: { location: 'eastus', properties: { tenantId, sku: { family: 'A', name: 'premium' } } },
        });
        assert.equal(update.body.properties.provisioningState, 'Succeeded', 'only the creating PUT registers DNS');

        const since = (await admin(emu, 'GET', 'requests')).body.lastSeq;
        const polled = await createVault(c, emu, RG, 'kv-dns-sdk');
        assert.deepEqual(
            [polled.properties.provisioningState, polled.properties.vaultUri],
            ['Succeeded', `https://kv-dns-sdk${emu.environment.keyVaultDnsSuffix}/`],
        );
        const sent = ((await admin(emu, 'GET', `requests?since=${since}`)).body.requests as { method: string; path: string }[])
            .filter((r) => r.path.toLowerCase().endsWith('/vaults/kv-dns-sdk'))
            .map((r) => r.method);
        assert.deepEqual(sent, ['PUT', 'GET']);
    });

    it('defaults new vaults to RBAC from api-version 2026-02-01 and to access policies before', async () => {
        const v = await c.keyVault.vaults.createOrUpdate(RG, 'kv-default-rbac', {
            location: 'eastus',
            properties: { tenantId, sku: { family: 'A', name: 'standard' } },
        } as never);
        assert.equal(v.properties.enableRbacAuthorization, true);
        const token = await armToken(emu);
        const old = await call(
            emu,
            'PUT',
            `${emu.environment.armEndpoint}subscriptions/${emu.environment.subscriptions[0]!.id}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-cli-style?api-version=2022-07-01`,
            {
                token,
                body: { location: 'eastus', properties: { tenantId, sku: { family: 'A', name: 'standard' }, accessPolicies: [], enablePurgeProtection: true } },
            },
        );
        assert.equal(old.status, 200);
        assert.equal(old.body.properties.enableRbacAuthorization, false);
    });

    it('validates names, retention and the irreversible switches', async () => {
        const base = { tenantId, sku: { family: 'A', name: 'standard' }, accessPolicies: [] };
        const put = (name: string, properties: Record<string, unknown>) =>
            c.keyVault.vaults.createOrUpdate(RG, name, { location: 'eastus', properties: { ...base, ...properties } } as never);
        assert.equal((await failure(put('ab', {}))).code, 'VaultNameNotValid');
        assert.equal((await failure(put('1starts-with-digit', {}))).code, 'VaultNameNotValid');
        assert.equal((await failure(put('double--hyphen', {}))).code, 'VaultNameNotValid');
        assert.equal((await failure(put('kv-retention-6', { softDeleteRetentionInDays: 6 }))).statusCode, 400);
        assert.equal((await failure(put('kv-retention-91', { softDeleteRetentionInDays: 91 }))).statusCode, 400);
        assert.equal((await failure(put('kv-no-softdelete', { enableSoftDelete: false }))).statusCode, 400);
        await put('kv-purge-prot', { enablePurgeProtection: true, softDeleteRetentionInDays: 7 });
        assert.match((await failure(put('kv-purge-prot', { enablePurgeProtection: false, softDeleteRetentionInDays: 7 }))).message, /enablePurgeProtection/);
        assert.match(
            (await failure(c.keyVault.vaults.update(RG, 'kv-purge-prot', { properties: { softDeleteRetentionInDays: 30 } }))).message,
            /softDeleteRetentionInDays/,
        );
        assert.equal((await c.keyVault.vaults.get(RG, 'kv-purge-prot')).properties.enablePurgeProtection, true);
    });

    it('vault names are global: another group gets VaultAlreadyExists', async () => {
        await c.resources.resourceGroups.createOrUpdate('rg-vaults-2', { location: 'eastus' });
        const e = await failure(createVault(c, emu, 'rg-vaults-2', 'kv-basic-01'));
        assert.deepEqual([e.statusCode, e.code], [409, 'VaultAlreadyExists']);
        const check = await c.keyVault.vaults.checkNameAvailability({ name: 'kv-basic-01', type: 'Microsoft.KeyVault/vaults' });
        assert.equal(check.nameAvailable, false);
    });

    it('PATCHes properties and switches RBAC and network ACLs', async () => {
        await createVault(c, emu, RG, 'kv-patch-01');
        const patched = await c.keyVault.vaults.update(RG, 'kv-patch-01', {
            properties: { enableRbacAuthorization: true, networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '127.0.0.1' }] } },
        });
        assert.equal(patched.properties.enableRbacAuthorization, true);
        assert.equal(patched.properties.networkAcls!.defaultAction, 'Deny');
        assert.equal(patched.properties.accessPolicies!.length, 1, 'access policies are kept by a PATCH that does not name them');
    });

    it('updates access policies with add, replace and remove', async () => {
        await createVault(c, emu, RG, 'kv-policy-01');
        const objectId = '11111111-2222-4333-8444-555555555555';
        const policy = (keys: string[]) => ({ properties: { accessPolicies: [{ tenantId, objectId, permissions: { keys: keys as never[] } }] } });
        await c.keyVault.vaults.updateAccessPolicy(RG, 'kv-policy-01', 'add', policy(['get']));
        await c.keyVault.vaults.updateAccessPolicy(RG, 'kv-policy-01', 'add', policy(['wrapKey']));
        const find = async () => (await c.keyVault.vaults.get(RG, 'kv-policy-01')).properties.accessPolicies!.find((p) => p.objectId === objectId);
        assert.deepEqual((await find())!.permissions.keys, ['get', 'wrapKey']);
        await c.keyVault.vaults.updateAccessPolicy(RG, 'kv-policy-01', 'replace', policy(['unwrapKey']));
        assert.deepEqual((await find())!.permissions.keys, ['unwrapKey']);
        await c.keyVault.vaults.updateAccessPolicy(RG, 'kv-policy-01', 'remove', policy(['unwrapKey']));
        assert.equal(await find(), undefined);
        assert.equal(
            (
                await failure(
                    c.keyVault.vaults.updateAccessPolicy(RG, 'kv-policy-01', 'add', {
                        properties: { accessPolicies: [{ tenantId, objectId: 'not-a-guid', permissions: {} }] },
                    }),
                )
            ).statusCode,
            400,
        );
    });

    it('lists by group, by subscription and through the resources filter', async () => {
        const names = async (it: AsyncIterable<{ name?: string }>) => {
            const out: string[] = [];
            for await (const v of it) out.push(v.name!);
            return out;
        };
        assert.ok((await names(c.keyVault.vaults.listByResourceGroup(RG))).includes('kv-basic-01'));
        assert.ok((await names(c.keyVault.vaults.listBySubscription())).includes('kv-basic-01'));
        assert.ok((await names(c.keyVault.vaults.list())).includes('kv-basic-01'));
    });

    it('deletes into the soft-deleted state; purge protection blocks purge; recover restores keys', async () => {
        const v = await createVault(c, emu, RG, 'kv-deleted-01');
        await c.keys(v.properties.vaultUri!).createRsaKey('survivor');
        await c.keyVault.vaults.delete(RG, 'kv-deleted-01');
        assert.equal((await failure(c.keyVault.vaults.get(RG, 'kv-deleted-01'))).statusCode, 404);
        const deleted = await c.keyVault.vaults.getDeleted('kv-deleted-01', 'eastus');
        assert.equal(deleted.properties!.vaultId, v.id);
        const listed: string[] = [];
        for await (const d of c.keyVault.vaults.listDeleted()) listed.push(d.name!);
        assert.ok(listed.includes('kv-deleted-01'));
        assert.equal((await failure(createVault(c, emu, RG, 'kv-deleted-01'))).statusCode, 409);
        const recovered = await c.keyVault.vaults.createOrUpdate(RG, 'kv-deleted-01', {
            location: 'eastus',
            properties: { tenantId, sku: { family: 'A', name: 'standard' }, createMode: 'recover' },
        } as never);
        assert.equal(recovered.name, 'kv-deleted-01');
        assert.equal((await c.keys(v.properties.vaultUri!).getKey('survivor')).name, 'survivor');

        await createVault(c, emu, RG, 'kv-protected-01', { enablePurgeProtection: true });
        await c.keyVault.vaults.delete(RG, 'kv-protected-01');
        assert.equal((await failure(c.keyVault.vaults.purgeDeleted('kv-protected-01', 'eastus'))).statusCode, 409);
        await createVault(c, emu, RG, 'kv-purgeable-01');
        await c.keyVault.vaults.delete(RG, 'kv-purgeable-01');
        await c.keyVault.vaults.purgeDeleted('kv-purgeable-01', 'eastus');
        assert.equal((await failure(c.keyVault.vaults.getDeleted('kv-purgeable-01', 'eastus'))).statusCode, 404);
        assert.equal((await createVault(c, emu, RG, 'kv-purgeable-01')).name, 'kv-purgeable-01');
    });
});
