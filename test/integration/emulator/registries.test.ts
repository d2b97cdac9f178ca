import { strict as assert } from 'node:assert';
import type { RunningEmulator } from '../../emulator/index';
import { admin, armToken, call, startForSuite } from './harness';
import { clientsFor, failure, type Clients } from './clients';

describe('emulator: container registries (@azure/arm-containerregistry 12)', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let c: Clients;
    let sub: string;

    before(async () => {
        emu = await startForSuite('registries');
        c = clientsFor(emu);
        sub = emu.environment.subscriptions[0]!.id;
        await c.resources.resourceGroups.createOrUpdate('rg-acr', { location: 'eastus' });
    });
    after(() => emu.stop());

    it('checks names: rules (5–50 alphanumerics) and global uniqueness across subscriptions', async () => {
        assert.equal((await c.acr.registries.checkNameAvailability({ name: 'ab', type: 'Microsoft.ContainerRegistry/registries' })).reason, 'Invalid');
        assert.equal(
            (await c.acr.registries.checkNameAvailability({ name: 'has-dash1', type: 'Microsoft.ContainerRegistry/registries' })).nameAvailable,
            false,
        );
        assert.equal(
            (await c.acr.registries.checkNameAvailability({ name: 'globalname1', type: 'Microsoft.ContainerRegistry/registries' })).nameAvailable,
            true,
        );
        await c.acr.registries.create('rg-acr', 'globalname1', { location: 'eastus', sku: { name: 'Basic' } });
        const other = clientsFor(emu, undefined, emu.environment.subscriptions[1]!.id);
        await other.resources.resourceGroups.createOrUpdate('rg-other', { location: 'eastus' });
        const taken = await other.acr.registries.checkNameAvailability({ name: 'GlobalName1', type: 'Microsoft.ContainerRegistry/registries' });
        assert.deepEqual([taken.nameAvailable, taken.reason], [false, 'AlreadyExists']);
        const conflict = await failure(other.acr.registries.create('rg-other', 'globalname1', { location: 'eastus', sku: { name: 'Basic' } }));
        assert.equal(conflict.statusCode, 409);
        assert.equal((await failure(c.acr.registries.create('rg-acr', 'bad-name', { location: 'eastus', sku: { name: 'Basic' } }))).statusCode, 400);
    });

    it('creates as a long-running operation: 201, Azure-AsyncOperation, Retry-After: 1, body still Creating', async () => {
        const token = await armToken(emu);
        const url = `${emu.environment.armEndpoint}subscriptions/${sub}/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/rawlro01?api-version=2022-02-01-preview`;
        const created = await call(emu, 'PUT', url, { token, body: { location: 'eastus', sku: { name: 'Standard' } } });
        assert.equal(created.status, 201);
        assert.equal(created.headers['retry-after'], '1');
        assert.equal(created.body.properties.provisioningState, 'Creating');
        const opUrl = created.headers['azure-asyncoperation']!;
        assert.ok(opUrl.startsWith(emu.environment.armEndpoint), opUrl);
        assert.equal((await call(emu, 'GET', opUrl, { token })).body.status, 'InProgress');
        assert.equal((await call(emu, 'GET', opUrl, { token })).body.status, 'Succeeded');
        const patched = await call(emu, 'PATCH', url, { token, body: { tags: { team: 'a' } } });
        assert.equal(patched.status, 201);
        assert.equal(patched.body.properties.provisioningState, 'Updating');
        assert.deepEqual(patched.body.tags, {}, 'the 201 body shows the old state');
        const missing = await call(emu, 'GET', url.replace(/\?.*/, ''), { token });
        assert.equal(missing.body.error.code, 'MissingApiVersionParameter');
    });

    it('gets, updates, lists and deletes through the SDK pollers', async () => {
        const created = await c.acr.registries.create('rg-acr', 'sdkreg01', { location: 'eastus', sku: { name: 'Premium' }, tags: { a: '1' } });
        assert.equal(created.provisioningState, 'Succeeded');
        assert.equal(created.loginServer, `sdkreg01${emu.environment.acrLoginServerSuffix}`);
        assert.equal(created.encryption?.status, 'disabled');
        const updated = await c.acr.registries.update('rg-acr', 'SDKREG01', { tags: { a: '2' }, adminUserEnabled: true });
        assert.deepEqual(updated.tags, { a: '2' });
        assert.equal(updated.adminUserEnabled, true);
        assert.equal((await c.acr.registries.get('rg-acr', 'sdkreg01')).tags!.a, '2');
        const names: string[] = [];
        for await (const r of c.acr.registries.listByResourceGroup('rg-acr')) names.push(r.name!);
        assert.ok(names.includes('sdkreg01'));
        const all: string[] = [];
        for await (const r of c.acr.registries.list()) all.push(r.name!);
        assert.ok(all.includes('sdkreg01'));
        await c.acr.registries.delete('rg-acr', 'sdkreg01');
        assert.equal((await failure(c.acr.registries.get('rg-acr', 'sdkreg01'))).statusCode, 404);
    });

    it('a fault rule can make the operation end Failed; the registry keeps its old state', async () => {
        await c.acr.registries.create('rg-acr', 'lrofail01', { location: 'eastus', sku: { name: 'Basic' } });
        await admin(emu, 'POST', 'faults', { method: 'PATCH', pathPattern: '/registries/lrofail01$', times: 1, action: { lroFail: true } });
        const failed = await failure(c.acr.registries.update('rg-acr', 'lrofail01', { tags: { x: 'y' } }));
        assert.match(failed.message, /fail/i);
        const after = await c.acr.registries.get('rg-acr', 'lrofail01');
        assert.equal(after.provisioningState, 'Succeeded');
        assert.equal(after.tags?.x, undefined);
        await admin(emu, 'DELETE', 'faults');
    });

    it('pages list results with nextLink at 100 per page', async () => {
        const token = await armToken(emu);
        await c.resources.resourceGroups.createOrUpdate('rg-many', { location: 'eastus' });
        for (let i = 0; i < 105; i++) {
            const url = `${emu.environment.armEndpoint}subscriptions/${sub}/resourceGroups/rg-many/providers/Microsoft.ContainerRegistry/registries/many${String(i).padStart(4, '0')}?api-version=2025-11-01`;
            assert.equal((await call(emu, 'PUT', url, { token, body: { location: 'eastus', sku: { name: 'Basic' } } })).status, 201);
        }
        const first = await call(
            emu,
            'GET',
            `${emu.environment.armEndpoint}subscriptions/${sub}/resourceGroups/rg-many/providers/Microsoft.ContainerRegistry/registries?api-version=2025-11-01`,
            { token },
        );
        assert.equal(first.body.value.length, 100);
        assert.ok(first.body.nextLink.startsWith(emu.environment.armEndpoint));
        let count = 0;
        for await (const r of c.acr.registries.listByResourceGroup('rg-many')) {
            void r;
            count++;
        }
        assert.equal(count, 105);
    });
});
