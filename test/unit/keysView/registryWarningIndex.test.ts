import * as assert from 'node:assert/strict';
import { keysInUse, pinnedVersionMade, type KeyFacts, type KeyInUse, type VaultInUse } from '../../../src/domain/fleet/keysInUse';
import type { FleetVault } from '../../../src/domain/fleet/readFleet';
import { KeyFactsCache } from '../../../src/keysView/keyFactsCache';
import { registryWarningIndex, warningsOfRegistry } from '../../../src/keysView/registryWarningIndex';
import { fleetMarkSeverity } from '../../../src/domain/fleet/report/fleetWarnings';
import { at, day, facts, found, now, registry, userIdentity, userOf, version } from './fleetSamples';

const vault = (name: string, purgeProtection: boolean): FleetVault => ({
    id: `/subscriptions/s1/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/${name}`,
    name,
    subscriptionId: 's1',
    resourceGroup: 'sec',
    vaultUri: `https://${name}.vault.azure.net/`,
    enableRbacAuthorization: true,
    enablePurgeProtection: purgeProtection,
});

describe('Registries view marks: the fleet warnings that reach each registry', () => {
    it("gathers its key's, its own and its vault's warnings (the model the Keys view and the report use)", () => {
        const pinnedOld = userOf(registry('pinned', { pinned: true, current: version(1) }));
        const expiring = facts(found({ expiresOn: at(10 * day + 3_600_000) }), { [version(1)]: at(-120 * day) });
        assert.deepEqual(
            warningsOfRegistry(pinnedOld, expiring, vault('kv-one', false), now).map((w) => w.code),
            ['keyExpiresSoon', 'pinnedVersionOld', 'noPurgeProtection'],
        );
        const removed = userOf(registry('removed', { identity: { kind: 'unassigned', clientId: 'c-1' }, current: version(8) }));
        const newVersionTwoHoursOld = facts(found({ createdOn: at(-2 * 3_600_000) }));
        assert.deepEqual(
            warningsOfRegistry(removed, newVersionTwoHoursOld, vault('kv-one', true), now).map((w) => w.code),
            ['versionNotPickedUp', 'identityRemoved'],
        );
        assert.deepEqual(warningsOfRegistry(userOf(registry('fine')), facts(found()), vault('kv-one', true), now), []);
    });

    it('a pinned version is dated from the latest version when it is the latest, else from its own read; an undated one gives no warning', () => {
        const onLatest = userOf(registry('a', { pinned: true, current: version(9) }));
        const onOlder = userOf(registry('b', { pinned: true, current: version(2) }));
        const keyFacts = facts(found({ createdOn: at(-100 * day) }), { [version(2)]: undefined });
        assert.deepEqual(pinnedVersionMade(onLatest, keyFacts), at(-100 * day));
        assert.equal(pinnedVersionMade(onOlder, keyFacts), undefined);
        assert.deepEqual(warningsOfRegistry(onOlder, keyFacts, undefined, now), []);
        assert.equal(
            pinnedVersionMade(userOf(registry('c', { current: version(2) })), facts(found(), { [version(2)]: at(-200 * day) })),
            undefined,
            'versionless: not pinned',
        );
    });

    it('indexes every registry with a warning by id (lower case), reading each key once however many registries use it', async () => {
        const fleet = {
            vaults: [vault('kv-one', true), vault('kv-open', false)],
            registries: [
                registry('a1'),
                registry('a2'),
                registry('a3', { identity: userIdentity('id-x', 'cx') }),
                registry('b1', { key: 'expired' }),
                registry('b2', { key: 'expired', subscription: 's2' }),
                registry('c1', { vault: 'kv-open' }),
                registry('plain', { cmk: false }),
            ],
        };
        const healthOf: Record<string, KeyFacts> = { cmk: facts(found()), expired: facts(found({ expiresOn: at(-day) })) };
        const reads: string[] = [];
        const index = await registryWarningIndex(
            keysInUse(fleet),
            async (_vault: VaultInUse, key: KeyInUse) => {
                reads.push(`${key.vaultName}/${key.keyName}`);
                return healthOf[key.keyName]!;
            },
            now,
        );
        assert.deepEqual(reads.sort(), ['kv-one/cmk', 'kv-one/expired', 'kv-open/cmk'], 'one read per key in use, none per registry');
        assert.deepEqual([...index.keys()].map((id) => id.split('/').pop()).sort(), ['b1', 'b2', 'c1']);
        assert.ok([...index.keys()].every((id) => id === id.toLowerCase()));
        assert.deepEqual(
            index.get(fleet.registries[3]!.id.toLowerCase())!.map((w) => w.code),
            ['keyExpired'],
        );
        assert.deepEqual(index.get(fleet.registries[5]!.id.toLowerCase()), [{ code: 'noPurgeProtection', vault: 'kv-open' }]);
        assert.equal(fleetMarkSeverity(index.get(fleet.registries[3]!.id.toLowerCase())), 'error', 'an expired key: the registry cannot use it');
        assert.equal(fleetMarkSeverity(index.get(fleet.registries[5]!.id.toLowerCase())), 'warning');
        assert.equal(fleetMarkSeverity([]), undefined);
    });

    it('the key facts cache reads a key once (vault URL and key name in any case), forgets one key or all, and keeps no failed read', async () => {
        const cache = new KeyFactsCache();
        let reads = 0;
        const read = async () => {
            reads++;
            return facts(found());
        };
        await cache.get({ vaultUrl: 'https://kv-one.vault.azure.net', keyName: 'cmk' }, read);
        await cache.get({ vaultUrl: 'https://KV-ONE.vault.azure.net/', keyName: 'CMK' }, read);
        assert.equal(reads, 1);
        cache.forget({ vaultUrl: 'https://kv-one.vault.azure.net', keyName: 'Cmk' });
        await cache.get({ vaultUrl: 'https://kv-one.vault.azure.net', keyName: 'cmk' }, read);
        assert.equal(reads, 2);
        await assert.rejects(
            cache.get({ vaultUrl: 'https://kv-two.vault.azure.net', keyName: 'cmk' }, async () => {
                throw new Error('Forbidden');
            }),
            /Forbidden/,
        );
        await cache.get({ vaultUrl: 'https://kv-two.vault.azure.net', keyName: 'cmk' }, read);
        assert.equal(reads, 3, 'the failed read was not kept');
        cache.clear();
        await cache.get({ vaultUrl: 'https://kv-one.vault.azure.net', keyName: 'cmk' }, read);
        assert.equal(reads, 4);
    });
});
