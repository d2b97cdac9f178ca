import { strict as assert } from 'node:assert';
import type { Identity } from '@azure/arm-msi';
import type { RunningEmulator } from '../../emulator/index';
import { admin, startForSuite } from './harness';
import { clientsFor, type Clients } from './clients';
import { cmkRegistry, cmkSetup, keyAccess } from './cmkFixture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The emulator's clock and the rules it drives, observed through the real SDKs and the admin key-access probe. */
describe('emulator: clock and time-driven rules', function () {
    this.timeout(180_000);
    let emu: RunningEmulator;
    let c: Clients;
    let granted: Identity;
    let vaultUri: string;
    const RG = 'rg-clock';
    const now = async (): Promise<number> => Date.parse((await admin(emu, 'GET', 'clock')).body.now);
    const advance = async (duration: string): Promise<number> => {
        const res = await admin(emu, 'POST', 'clock', { advance: duration });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return Date.parse(res.body.now);
    };

    before(async () => {
        emu = await startForSuite('clock');
        c = clientsFor(emu);
        ({ granted, vaultUri } = await cmkSetup(c, emu, RG, 'kv-clock'));
    });
    after(() => emu.stop());

    it('advances by an ISO 8601 duration or to a later time, never backwards, and stamps what it writes with its time', async () => {
        const before = await now();
        const after = await advance('PT2H');
        assert.ok(after - before >= 2 * HOUR && after - before < 2 * HOUR + 5_000, `${before} → ${after}`);
        assert.equal((await admin(emu, 'POST', 'clock', { advance: 'two hours' })).status, 400);
        assert.equal((await admin(emu, 'POST', 'clock', { set: new Date(before).toISOString() })).status, 400, 'the clock never goes back');
        const target = after + DAY;
        const set = await admin(emu, 'POST', 'clock', { set: new Date(target).toISOString() });
        assert.ok(Math.abs(Date.parse(set.body.now) - target) < 5_000);
        const group = await c.resources.resourceGroups.createOrUpdate('rg-clock-stamp', { location: 'eastus' });
        assert.ok(group.id);
        const key = await c.keys(vaultUri).createRsaKey('stamped');
        assert.ok(Math.abs(key.properties.createdOn!.getTime() - target) < 5_000, "key created at the emulator's time");
        const registry = await c.acr.registries.create(RG, 'clockstamped', { location: 'eastus', sku: { name: 'Basic' } });
        assert.ok(Math.abs(registry.systemData!.createdAt!.getTime() - target) < 5_000, "systemData at the emulator's time");
    });

    it('a registry on a versionless key picks up a new version within the hour, not at once', async () => {
        const keys = c.keys(vaultUri);
        const first = await keys.createRsaKey('pickup');
        const registry = await c.acr.registries.create(RG, 'clockpickup', cmkRegistry(granted.id!, `${vaultUri}keys/pickup`, granted.clientId!));
        const second = await keys.createRsaKey('pickup');
        const versioned = async (): Promise<string | undefined> =>
            (await c.acr.registries.get(RG, 'clockpickup')).encryption?.keyVaultProperties?.versionedKeyIdentifier;
        assert.equal(await versioned(), first.id);
        await advance('PT59M');
        assert.equal(await versioned(), first.id, 'not yet: less than an hour since the new version');
        await advance('PT2M');
        assert.equal(await versioned(), second.id);
        const kvp = (await c.acr.registries.get(RG, 'clockpickup')).encryption!.keyVaultProperties!;
        assert.equal(kvp.lastKeyRotationTimestamp!.getTime(), Math.floor(second.properties.createdOn!.getTime() / 1000) * 1000 + HOUR);
        const access = await keyAccess(emu, registry.id!);
        assert.equal(access.accessible, true, access.reason);
        assert.match(access.reason, new RegExp(second.properties.version!));
    });

    it('a key version expires at exp: Key Vault still unwraps but refuses to wrap, so the registry loses its key', async () => {
        const exp = new Date((await now()) + DAY);
        const key = await c.keys(vaultUri).createRsaKey('expiring', { expiresOn: exp });
        const registry = await c.acr.registries.create(RG, 'clockexpiry', cmkRegistry(granted.id!, key.id!, granted.clientId!));
        assert.equal((await keyAccess(emu, registry.id!)).accessible, true);
        await advance('PT23H');
        assert.equal((await keyAccess(emu, registry.id!)).accessible, true, 'an hour before exp');
        await advance('PT2H');
        const access = await keyAccess(emu, registry.id!);
        assert.equal(access.accessible, false);
        assert.match(access.reason, /KeyExpired/);
        assert.equal((await c.keys(vaultUri).getKey('expiring')).properties.expiresOn!.getTime(), Math.floor(exp.getTime() / 1000) * 1000);
    });

    it('a rotation policy rotates on schedule; each new version expires expiryTime after its creation; the registry follows', async () => {
        const keys = c.keys(vaultUri);
        const first = await keys.createRsaKey('scheduled');
        await keys.updateKeyRotationPolicy('scheduled', { lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P30D' }], expiresIn: 'P90D' });
        await c.acr.registries.create(RG, 'clockscheduled', cmkRegistry(granted.id!, `${vaultUri}keys/scheduled`, granted.clientId!));
        const versions = async (): Promise<{ version: string; created: number; exp?: number }[]> => {
            const found: { version: string; created: number; exp?: number }[] = [];
            for await (const p of keys.listPropertiesOfKeyVersions('scheduled')) {
                found.push({ version: p.version!, created: p.createdOn!.getTime(), exp: p.expiresOn?.getTime() });
            }
            return found.sort((a, b) => a.created - b.created);
        };
        await advance('P29D');
        assert.equal((await versions()).length, 1, 'not due yet');
        await advance('P2D');
        assert.equal((await versions()).length, 2);
        await advance('P61D');
        const all = await versions();
        assert.equal(all.length, 4, 'rotated at 30, 60 and 90 days');
        const created0 = Math.floor(first.properties.createdOn!.getTime() / 1000) * 1000;
        all.slice(1).forEach((v, i) => {
            assert.equal(v.created, created0 + (i + 1) * 30 * DAY, `version ${i + 2} created on schedule`);
            assert.equal(v.exp, v.created + 90 * DAY, `version ${i + 2} expires after the policy's expiryTime`);
        });
        const kvp = (await c.acr.registries.get(RG, 'clockscheduled')).encryption!.keyVaultProperties!;
        assert.equal(kvp.versionedKeyIdentifier, `${vaultUri}keys/scheduled/${all[3]!.version}`);
    });

    it('an encryption identity removed from the registry keeps working for about three months, then the registry is refused', async () => {
        const key = await c.keys(vaultUri).createRsaKey('orphaned');
        const registry = await c.acr.registries.create(RG, 'clockorphaned', cmkRegistry(granted.id!, key.id!, granted.clientId!));
        await c.acr.registries.update(RG, 'clockorphaned', { identity: { type: 'None' } });
        let access = await keyAccess(emu, registry.id!);
        assert.equal(access.accessible, true, access.reason);
        assert.match(access.reason, /removed identity/);
        await advance('P89D');
        assert.equal((await keyAccess(emu, registry.id!)).accessible, true, 'day 89');
        await advance('P2D');
        access = await keyAccess(emu, registry.id!);
        assert.equal(access.accessible, false);
        assert.match(
            access.reason,
            /The identity associated with the registry is inactive\. This could be due to attempted removal of the identity\. Reassign the identity manually/,
        );
        await c.acr.registries.update(RG, 'clockorphaned', { identity: { type: 'UserAssigned', userAssignedIdentities: { [granted.id!]: {} } } });
        access = await keyAccess(emu, registry.id!);
        assert.equal(access.accessible, true, `reassigned: ${access.reason}`);
    });
});
