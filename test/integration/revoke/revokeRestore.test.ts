import * as assert from 'node:assert/strict';
import type { AnyDomainError } from '../../../src/domain/errors';
import { planRestore, runRestore } from '../../../src/domain/restore/restoreKeyAccess';
import { planRevoke, runRevoke, type RevokeMethod } from '../../../src/domain/revoke/revokeKeyAccess';
import { MemoryStorage, StoredRevocations } from '../../../src/domain/revoke/RevocationRecord';
import { findRestoredWith } from '../../../src/domain/revoke/sharedAccess';
import { setupOf, startSeededWorld, type SeededSetup, type SeededWorld } from '../diagnose/seededWorld';
import { grantSnapshot } from './grantSnapshot';

const methods: { title: string; method: RevokeMethod }[] = [
    { title: 'remove access', method: { kind: 'removeAccess' } },
    { title: 'disable the key version in use', method: { kind: 'disableKey', versions: 'inUse' } },
    { title: 'disable every key version', method: { kind: 'disableKey', versions: 'all' } },
];
const setups: SeededSetup[] = ['policyUser', 'rbacUser', 'firewallSystem'];

describe('Revoke and Restore key access (emulator)', function () {
    this.timeout(120000);
    let world: SeededWorld;

    before(async () => {
        world = await startSeededWorld();
    });
    after(() => world?.world.stop());

    const accessible = async (registryId: string) => (await world.admin.keyAccess(registryId)).accessible;

    for (const setup of setups) {
        for (const { title, method } of methods) {
            it(`${setup}: ${title} cuts access; Restore puts back exactly the previous grants and key state`, async () => {
                await world.reset();
                const registry = await world.registryWith(setup);
                const store = new StoredRevocations(new MemoryStorage());
                const before = grantSnapshot(await world.admin.state());
                assert.equal(await accessible(registry.id), true);

                const plan = await planRevoke(world.factory, { registryId: registry.id, method, subscriptionIds: world.subscriptionIds });
                await assert.rejects(
                    runRevoke(world.factory, plan, store, registry.name.toUpperCase() + 'x'),
                    (e: AnyDomainError) => e.code === 'RevokeConfirmationMismatch',
                );
                assert.deepEqual(grantSnapshot(await world.admin.state()), before, 'a wrong name changes nothing');
                assert.equal(store.get(registry.id), undefined);

                const { record } = await runRevoke(world.factory, plan, store, registry.name);
                assert.equal(await accessible(registry.id), false, 'no access after Revoke');
                assert.deepEqual(store.get(registry.id), record);
                assert.ok(record.removedGrants.length + record.disabledVersions.length > 0);
                assert.notDeepEqual(grantSnapshot(await world.admin.state()), before);
                assert.doesNotMatch(JSON.stringify(record), /eyJ|BEGIN|clientSecret/i, 'the record holds ids only');

                const restore = await planRestore(world.factory, registry.id, store, world.subscriptionIds);
                assert.equal(restore.record?.registryId, registry.id);
                await runRestore(world.factory, restore, store);
                assert.equal(await accessible(registry.id), true, 'access is back after Restore');
                assert.deepEqual(grantSnapshot(await world.admin.state()), before, 'exactly the previous grants and key state');
                assert.equal(store.get(registry.id), undefined, 'the record is spent');
            });
        }
    }

    it('remembers two revocations of one registry and restores both', async () => {
        await world.reset();
        const registry = await world.registryWith('rbacUser');
        const store = new StoredRevocations(new MemoryStorage());
        const before = grantSnapshot(await world.admin.state());
        for (const method of [{ kind: 'removeAccess' }, { kind: 'disableKey', versions: 'all' }] as RevokeMethod[]) {
            await runRevoke(world.factory, await planRevoke(world.factory, { registryId: registry.id, method }), store, registry.name);
        }
        const record = store.get(registry.id);
        assert.equal(record?.removedGrants.length, 1);
        assert.ok((record?.disabledVersions.length ?? 0) >= 1);
        await runRestore(world.factory, await planRestore(world.factory, registry.id, store), store);
        assert.deepEqual(grantSnapshot(await world.admin.state()), before);
        assert.equal(await accessible(registry.id), true);
    });

    for (const setup of setups) {
        it(`${setup}: without a record, Restore derives what the encryption needs`, async () => {
            await world.reset();
            const registry = await world.registryWith(setup);
            const before = grantSnapshot(await world.admin.state(), { withAssignmentIds: false });
            for (const method of [{ kind: 'removeAccess' }, { kind: 'disableKey', versions: 'inUse' }] as RevokeMethod[]) {
                await runRevoke(
                    world.factory,
                    await planRevoke(world.factory, { registryId: registry.id, method }),
                    new StoredRevocations(new MemoryStorage()),
                    registry.name,
                );
            }
            assert.equal(await accessible(registry.id), false);
            const empty = new StoredRevocations(new MemoryStorage());
            const plan = await planRestore(world.factory, registry.id, empty);
            assert.equal(plan.record, undefined);
            const result = await runRestore(world.factory, plan, empty);
            assert.equal(result.fromRecord, false);
            assert.equal(result.grants.length, 1);
            assert.equal(result.enabledVersions.length, 1);
            assert.equal(await accessible(registry.id), true);
            assert.deepEqual(
                grantSnapshot(await world.admin.state(), { withAssignmentIds: false }),
                before,
                'the same grants (a role may come back under a new name)',
            );
        });
    }

    it('recovers a soft-deleted key', async () => {
        await world.reset();
        const registry = await world.registryWith('policyUser');
        const state = registry.encryption;
        assert.ok(state.status === 'enabled' && state.key);
        await (await (await world.factory.keys(state.key.vaultUrl)).beginDeleteKey(state.key.keyName, { intervalInMs: 20 })).pollUntilDone();
        assert.equal(await accessible(registry.id), false);
        const store = new StoredRevocations(new MemoryStorage());
        const plan = await planRestore(world.factory, registry.id, store);
        assert.equal(plan.recoverKey, true);
        const result = await runRestore(world.factory, plan, store);
        assert.equal(result.recoveredKey, true);
        assert.equal(await accessible(registry.id), true);
    });

    it('says how to recover a soft-deleted vault', async () => {
        await world.reset();
        const registry = await world.registryWith('policyUser');
        const state = registry.encryption;
        assert.ok(state.status === 'enabled' && state.key);
        const client = await world.factory.keyVaultManagement(registry.subscriptionId);
        let resourceGroup = '';
        for await (const vault of client.vaults.listBySubscription()) {
            if (vault.name === state.key.vaultName) {
                resourceGroup = vault.id?.split('/')[4] ?? '';
            }
        }
        await client.vaults.delete(resourceGroup, state.key.vaultName);
        await assert.rejects(
            planRestore(world.factory, registry.id, new StoredRevocations(new MemoryStorage())),
            (e: AnyDomainError) => e.code === 'VaultSoftDeleted' && e.params.vault === state.key?.vaultName && !!e.params.location,
        );
    });

    it('refuses a registry without a customer-managed key', async () => {
        await world.reset();
        const cmk = await world.registryWith('policyUser');
        const client = await world.factory.containerRegistry(cmk.subscriptionId);
        const plain = await client.registries.create(
            cmk.resourceGroup,
            'plainregistry01',
            { location: cmk.location, sku: { name: 'Basic' } },
            { updateIntervalInMs: 20 },
        );
        for (const method of [{ kind: 'removeAccess' }, { kind: 'disableKey', versions: 'all' }] as RevokeMethod[]) {
            await assert.rejects(planRevoke(world.factory, { registryId: plain.id ?? '', method }), (e: AnyDomainError) => e.code === 'RegistryNotCmk');
        }
        await assert.rejects(
            planRestore(world.factory, plain.id ?? '', new StoredRevocations(new MemoryStorage())),
            (e: AnyDomainError) => e.code === 'RegistryNotCmk',
        );
    });
});

describe('Revoke names every registry it cuts off; Restore every one it brings back (emulator)', function () {
    this.timeout(180000);
    let world: SeededWorld;

    // Twelve CMK registries in one subscription: pairs of them share a key and a user-assigned identity.
    before(async () => {
        world = await startSeededWorld('subscriptions=1,registries=12,cmk=1');
    });
    after(() => world?.world.stop());

    const accessibleIds = async () => {
        const ids: string[] = [];
        for (const registry of await world.registries()) {
            if ((await world.admin.keyAccess(registry.id)).accessible) ids.push(registry.id);
        }
        return ids.sort();
    };

    for (const { title, method } of methods) {
        it(`${title}: the plan lists exactly the other registries that lose access, and restoring lists them back`, async () => {
            await world.reset();
            const registry = (await world.registries()).find((candidate) => setupOf(candidate) === 'policyUser')!;
            const store = new StoredRevocations(new MemoryStorage());
            const before = await accessibleIds();
            const plan = await planRevoke(world.factory, { registryId: registry.id, method, subscriptionIds: world.subscriptionIds });
            await runRevoke(world.factory, plan, store, registry.name);
            const after = await accessibleIds();
            const cutOff = before.filter((id) => id !== registry.id && !after.includes(id)).sort();
            assert.ok(cutOff.length > 0, 'some other registry shares what was removed (the world is built so)');
            assert.deepEqual(plan.affected.map((affected) => affected.id).sort(), cutOff, 'the confirmation names exactly the registries that lost access');

            const restore = await planRestore(world.factory, registry.id, store, world.subscriptionIds);
            const restored = await runRestore(world.factory, restore, store);
            assert.deepEqual(await accessibleIds(), before);
            assert.deepEqual((await findRestoredWith(world.factory, restore.target, restored)).map((other) => other.id).sort(), cutOff);
        });
    }
});
