import * as assert from 'node:assert/strict';
import { applyFix } from '../../../src/domain/diagnose/applyFix';
import { DiagnosisCache } from '../../../src/domain/diagnose/DiagnosisCache';
import { diagnoseRegistry } from '../../../src/domain/diagnose/diagnoseRegistry';
import type { Finding, FindingCode } from '../../../src/domain/diagnose/Finding';
import { isoDate } from '../../../src/domain/diagnose/keyChecks';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { listRegistriesInSubscription } from '../../../src/domain/registries/listRegistries';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { adminCaller, emulatorAdmin } from '../access/emulatorAdmin';
import { startEmulatorWorld, type EmulatorWorld } from '../domain/emulatorWorld';
import { setupOf, type SeededSetup } from './seededWorld';

const DAY = 24 * 60 * 60 * 1000;

/**
 * What Diagnose (the machine's clock) says about the time-driven rules the emulator's clock drives. The emulator starts
 * 100 days in the past and is advanced up to the machine's time, so both clocks agree where the tests look.
 */
describe('Diagnose follows time: removed identity, new key version, expiry (emulator clock)', function () {
    this.timeout(180_000);
    let world: EmulatorWorld;
    let factory: AzureClientFactory;
    let subscriptionIds: string[];
    let admin: ReturnType<typeof emulatorAdmin>;
    let clock: (advance: string) => Promise<unknown>;
    let stuckVersion: string;

    const registries = async (): Promise<RegistrySummary[]> =>
        (await Promise.all(subscriptionIds.map((id) => listRegistriesInSubscription(factory, id)))).flat();
    const seeded = async (setup: SeededSetup, nth: number): Promise<RegistrySummary> => {
        const found = (await registries()).filter((r) => setupOf(r) === setup).sort((a, b) => a.name.localeCompare(b.name))[nth];
        assert.ok(found, `seeded registry ${setup} #${nth}`);
        return found;
    };
    const diagnose = async (registryId: string) => diagnoseRegistry(factory, await getRegistry(factory, registryId), new DiagnosisCache(subscriptionIds));
    const findingOf = <C extends FindingCode>(findings: readonly Finding[], code: C) =>
        findings.find((f): f is Extract<Finding, { code: C }> => f.code === code);
    const keyOf = (registry: RegistrySummary) => {
        assert.ok(registry.encryption.status === 'enabled' && registry.encryption.key);
        return registry.encryption.key;
    };
    const removeIdentity = async (registry: RegistrySummary) =>
        (await factory.containerRegistry(registry.subscriptionId)).registries.update(
            registry.resourceGroup,
            registry.name,
            { identity: { type: 'None' } },
            { updateIntervalInMs: 20 },
        );

    before(async () => {
        world = await startEmulatorWorld({ seed: 'subscriptions=1,registries=6,cmk=1', clockStart: Date.now() - 100 * DAY });
        const targets = await world.source.listAllSubscriptions();
        factory = targets[0]!.factory;
        subscriptionIds = targets.map((t) => t.subscriptionId);
        admin = emulatorAdmin(world);
        const call = adminCaller(world.emulator.environment.adminEndpoint, world.cloud.caCertificate ?? '');
        clock = (advance) => call('POST', 'clock', { advance });
        // 100 days ago: a new version not valid before next year, so ACR's pickup (which wraps with it) keeps failing.
        const key = keyOf(await seeded('policyUser', 1));
        stuckVersion = (await (await factory.keys(key.vaultUrl)).createKey(key.keyName, 'RSA', { notBefore: new Date(Date.now() + 365 * DAY) })).properties
            .version!;
    });
    after(() => world?.stop());

    it('a removed identity: still working and explained as a time bomb, then inactive three months on; reassigning heals it', async () => {
        const early = await seeded('policyUser', 0);
        await removeIdentity(early); // 100 days ago, by both clocks once the emulator has caught up
        assert.equal((await admin.keyAccess(early.id)).accessible, true, 'the emulator still lets the removed identity work');
        await clock('P100D');
        const gone = await admin.keyAccess(early.id);
        assert.equal(gone.accessible, false);
        assert.match(gone.reason, /The identity associated with the registry is inactive/);
        const inactive = findingOf((await diagnose(early.id)).findings, 'identityInactive');
        assert.ok(inactive, 'Diagnose reports the identity inactive');
        assert.equal(inactive.status, 'error');
        assert.equal(inactive.fix?.kind, 'reassignIdentity');

        const recent = await seeded('rbacUser', 0);
        await removeIdentity(recent); // now
        assert.equal((await admin.keyAccess(recent.id)).accessible, true);
        const diagnosis = await diagnose(recent.id);
        const bomb = findingOf(diagnosis.findings, 'identityNotAssigned');
        assert.ok(bomb, `time bomb explained: ${JSON.stringify(diagnosis.findings.map((f) => f.code))}`);
        assert.equal(bomb.params.until, isoDate(new Date(Date.now() + 90 * DAY)), 'at the latest three months after the last change');
        assert.equal(findingOf(diagnosis.findings, 'identityInactive'), undefined);

        await applyFix(factory, inactive.fix!, subscriptionIds);
        assert.equal((await admin.keyAccess(early.id)).accessible, true, 'reassigned');
        assert.equal(findingOf((await diagnose(early.id)).findings, 'identityInactive'), undefined);
    });

    it('a version the registry could not pick up for more than an hour is a warning', async () => {
        const registry = await seeded('policyUser', 1);
        const diagnosis = await diagnose(registry.id);
        const stuck = findingOf(diagnosis.findings, 'newVersionNotPickedUp');
        assert.ok(stuck, `warning: ${JSON.stringify(diagnosis.findings.map((f) => f.code))}`);
        assert.equal(stuck.status, 'warning');
        assert.equal(stuck.params.latest, stuckVersion);
        const inUse = (await getRegistry(factory, registry.id)).encryption;
        assert.ok(inUse.status === 'enabled' && inUse.currentVersion !== stuckVersion, 'the emulator did not pick it up either');
    });

    it('a new key version: "not yet picked up" within the hour, picked up after it', async () => {
        const registry = await seeded('policyUser', 1);
        const key = keyOf(registry);
        const fresh = await (await factory.keys(key.vaultUrl)).createKey(key.keyName, 'RSA');
        const pending = findingOf((await diagnose(registry.id)).findings, 'newVersionPending');
        assert.ok(pending, 'Diagnose says the new version is not yet picked up');
        assert.equal(pending.status, 'info');
        assert.equal(pending.params.latest, fresh.properties.version);
        const before = (await getRegistry(factory, registry.id)).encryption;
        assert.ok(before.status === 'enabled' && before.currentVersion !== fresh.properties.version, 'not at once');
        await clock('PT61M');
        const after = (await getRegistry(factory, registry.id)).encryption;
        assert.ok(after.status === 'enabled' && after.currentVersion === fresh.properties.version, 'picked up after an hour');
        const findings = (await diagnose(registry.id)).findings;
        assert.equal(findingOf(findings, 'newVersionPending'), undefined);
        assert.equal(findingOf(findings, 'newVersionNotPickedUp'), undefined);
    });

    it('expiry follows the dates: soon, then expired for Diagnose and for the registry', async () => {
        const registry = await seeded('rbacUser', 1);
        const key = keyOf(registry);
        const version = registry.encryption.status === 'enabled' ? registry.encryption.currentVersion! : '';
        const keys = await factory.keys(key.vaultUrl);
        await keys.updateKeyProperties(key.keyName, version, { expiresOn: new Date(Date.now() + 10 * DAY) });
        const soon = findingOf((await diagnose(registry.id)).findings, 'keyExpiresSoon');
        assert.ok(soon && soon.status === 'warning' && ['9', '10'].includes(soon.params.days), JSON.stringify(soon));
        assert.equal((await admin.keyAccess(registry.id)).accessible, true);
        await keys.updateKeyProperties(key.keyName, version, { expiresOn: new Date(Date.now() - 60_000) });
        const expired = findingOf((await diagnose(registry.id)).findings, 'keyExpired');
        assert.ok(expired && expired.status === 'error');
        const access = await admin.keyAccess(registry.id);
        assert.equal(access.accessible, false);
        assert.match(access.reason, /KeyExpired/);
    });
});
