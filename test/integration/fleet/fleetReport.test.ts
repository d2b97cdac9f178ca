import * as assert from 'node:assert/strict';
import type { SubscriptionTarget } from '../../../src/auth/SubscriptionSource';
import { keysInUse } from '../../../src/domain/fleet/keysInUse';
import { readFleet } from '../../../src/domain/fleet/readFleet';
import { readFleetReport } from '../../../src/domain/fleet/report/fleetReport';
import { adminCaller } from '../access/emulatorAdmin';
import { startEmulatorWorld, type EmulatorWorld } from '../domain/emulatorWorld';

const DAY = 24 * 60 * 60 * 1000;

// The fleet key report over the emulator's seeded world, made 100 days ago by the emulator's clock: the report's warnings
// follow what Key Vault and Resource Manager say and the dates they carry, not a computation of the test's own.
describe('fleet: the fleet key report (keys, registries, warnings over the emulator clock)', function () {
    this.timeout(180_000);
    let world: EmulatorWorld;
    let targets: SubscriptionTarget[];
    const factoryOf = (subscriptionId: string | undefined) =>
        (targets.find((t) => t.subscriptionId.toLowerCase() === subscriptionId?.toLowerCase()) ?? targets[0]!).factory;
    const report = async () => readFleetReport(await readFleet(targets, 'resourceManager'), factoryOf, new Date());

    before(async () => {
        world = await startEmulatorWorld({ seed: 'subscriptions=2,registries=6,cmk=1', clockStart: Date.now() - 100 * DAY });
        targets = await world.source.listAllSubscriptions();
        await adminCaller(world.emulator.environment.adminEndpoint, world.cloud.caCertificate ?? '')('POST', 'clock', { advance: 'P100D' });
    });
    after(() => world?.stop());

    it('lists every CMK registry once under its key, each key with its state; pinned versions made 100 days ago are flagged, versionless ones are not', async () => {
        const fleet = await readFleet(targets, 'resourceManager');
        const read = await readFleetReport(fleet, factoryOf, new Date());
        const cmk = fleet.registries.filter((r) => r.encryption.status === 'enabled');
        assert.ok(cmk.length >= 6);
        assert.deepEqual(read.registries.map((r) => r.user.registry.id).sort(), cmk.map((r) => r.id).sort());
        assert.equal(read.keys.length, keysInUse(fleet).flatMap((v) => v.keys).length);
        assert.ok(
            read.keys.every((k) => k.health.lookup.kind === 'found' && !k.health.unreadable),
            'every key readable by the signed-in principal',
        );
        const pinned = read.registries.filter((r) => r.user.encryption.rotation === 'manual');
        assert.ok(pinned.length > 0, 'the seed pins some registries');
        for (const registry of pinned) {
            const old = registry.warnings.find((w) => w.code === 'pinnedVersionOld');
            assert.ok(
                registry.pinnedCreatedOn && old && old.code === 'pinnedVersionOld' && old.days >= 99,
                `${registry.user.registry.name}: ${JSON.stringify(registry.warnings)}`,
            );
        }
        const versionless = read.registries.filter((r) => r.user.encryption.rotation === 'automatic');
        assert.ok(versionless.every((r) => !r.warnings.some((w) => w.code === 'pinnedVersionOld' || w.code === 'versionNotPickedUp')));
        assert.equal(read.serviceManaged, fleet.registries.length - cmk.length);
    });

    it('a key given an expiry in ten days is flagged for every registry on it; a new version not picked up after an hour is flagged', async () => {
        const first = (await report()).keys.find((k) => k.key.users.some((u) => u.encryption.rotation === 'automatic'))!;
        const client = await factoryOf(first.vault.vault?.subscriptionId).keys(first.key.vaultUrl);
        const latest = await client.getKey(first.key.keyName);
        await client.updateKeyProperties(first.key.keyName, latest.properties.version!, { expiresOn: new Date(Date.now() + 10 * DAY + 60_000) });
        let again = (await report()).keys.find((k) => k.key.keyName === first.key.keyName && k.key.vaultUrl === first.key.vaultUrl)!;
        assert.deepEqual(
            again.warnings.map((w) => [w.code, 'days' in w ? w.days : undefined]),
            [['keyExpiresSoon', 10]],
        );

        // A version ACR cannot use yet (valid from next year): its pickup fails, so two hours on the registries are still behind.
        const stuck = await client.createKey(first.key.keyName, 'RSA', { notBefore: new Date(Date.now() + 365 * DAY) });
        await adminCaller(world.emulator.environment.adminEndpoint, world.cloud.caCertificate ?? '')('POST', 'clock', { advance: 'PT2H' });
        const after = await readFleetReport(await readFleet(targets, 'resourceManager'), factoryOf, new Date(Date.now() + 2 * 3_600_000));
        again = after.keys.find((k) => k.key.keyName === first.key.keyName && k.key.vaultUrl === first.key.vaultUrl)!;
        const onKey = after.registries.filter((r) => r.key === again && r.user.encryption.rotation === 'automatic');
        assert.ok(onKey.length > 0);
        for (const registry of onKey) {
            assert.notEqual(registry.user.encryption.currentVersion, stuck.properties.version);
            assert.deepEqual(
                registry.warnings.map((w) => [w.code, 'latest' in w ? w.latest : undefined, 'hours' in w ? w.hours : undefined]),
                [['versionNotPickedUp', stuck.properties.version, 2]],
                registry.user.registry.name,
            );
        }
    });
});
