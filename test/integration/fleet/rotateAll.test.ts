import * as assert from 'node:assert/strict';
import { registryJournals } from '../../../src/commands/rotateAllUsingKey/registryJournals';
import { isDomainError } from '../../../src/domain/errors';
import type { FleetRotationPlan, FleetRotationRequest } from '../../../src/domain/fleet/rotateAll/FleetRotation';
import { planFleetRotation } from '../../../src/domain/fleet/rotateAll/planFleetRotation';
import { runFleetRotation } from '../../../src/domain/fleet/rotateAll/runFleetRotation';
import { doneSteps, type JournalEntry } from '../../../src/domain/engine/JournalEntry';
import { MemoryJournalStore, type JournalStore } from '../../../src/domain/engine/JournalStore';
import { cleanUpRun, previewCleanUp, resumeRun } from '../../../src/domain/recovery/recoverRun';
import { MemoryStorage, StoredRevocations } from '../../../src/domain/revoke/RevocationRecord';
import { parseKeyIdentifier } from '../../../src/domain/keys/keyIdentifier';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { StepFailure } from '../../../src/domain/engine/StepFailure';
import { grantPolicy } from '../emulator/cmkFixture';
import { assertRegistryUses, versionOf } from '../rotate/rotateAssertions';
import { rg, startRotateWorld, type RotateWorld } from '../rotate/rotateWorld';

// Rotate All Registries Using This Key: one plan for every registry on a key, the shared work (a new key version, a
// grant per vault and identity) done once, the switches a few at a time, and a failure kept to the registry it hits.
describe('fleet: Rotate All Registries Using This Key', function () {
    this.timeout(300_000);
    let w: RotateWorld;
    let key1: ReturnType<typeof parseKeyIdentifier>;
    const requestFor = (names: string[], ids: string[], rest: Pick<FleetRotationRequest, 'target' | 'versionless'>, key = key1): FleetRotationRequest => ({
        key: { ...key, version: undefined },
        registries: names.map((name, index) => ({ name, id: ids[index]! })),
        subscriptionIds: [w.subscriptionA, w.subscriptionB],
        ...rest,
    });
    const logSince = (seq: number) => w.world.emulator.context.log.since(seq);
    const kinds = (plan: Pick<FleetRotationPlan, 'entries'> | { outcomes: readonly { kind: string; registry: { name: string } }[] }) =>
        Object.fromEntries(('entries' in plan ? plan.entries : plan.outcomes).map((entry) => [entry.registry.name, entry.kind]));

    before(async () => {
        w = await startRotateWorld();
        key1 = parseKeyIdentifier(w.ap.keys.key1!, w.factory.cloud);
    });
    after(() => w.stop());

    it('moves every registry on a key to one new version: a versionless one follows it by itself, a pinned one is switched; one version created', async () => {
        const follower = await w.newRegistry('rafollow', { versionless: true });
        const pinned = await w.newRegistry('rapinned', { versionless: false });
        const request = requestFor(['rafollow', 'rapinned'], [follower.id, pinned.id], { target: { kind: 'newVersion' }, versionless: true });
        const plan = await planFleetRotation(w.factory, request);
        assert.deepEqual(kinds(plan), { rafollow: 'picksUp', rapinned: 'change' });
        assert.equal(plan.grants.length, 0, 'both identities reach the vault already');
        const seq = w.world.emulator.context.log.lastSeq;
        const seen: string[] = [];
        const result = await runFleetRotation(w.factory, plan, { onOutcome: (outcome, done, total) => seen.push(`${done}/${total} ${outcome.registry.name}`) });
        assert.deepEqual(kinds(result), { rafollow: 'picksUp', rapinned: 'switched' });
        assert.equal(seen.length, 2, seen.join(', '));
        assert.equal(logSince(seq).filter((r) => r.method === 'POST' && /\/keys\/key1\/create$/i.test(r.path)).length, 1, 'one new version for both');
        assert.ok(result.createdVersion);
        await assertRegistryUses(w, pinned.id, `${w.ap.uri}keys/key1`, w.granted.clientId!);
        assert.equal(
            logSince(seq).filter((r) => r.method === 'PATCH' && /\/registries\/rafollow$/i.test(r.path)).length,
            0,
            'the versionless registry is not patched',
        );
    });

    it('pins every registry to the new version when asked for pinned versions', async () => {
        const a = await w.newRegistry('rapina', { versionless: true });
        const b = await w.newRegistry('rapinb', { versionless: false });
        const plan = await planFleetRotation(w.factory, requestFor(['rapina', 'rapinb'], [a.id, b.id], { target: { kind: 'newVersion' }, versionless: false }));
        assert.deepEqual(kinds(plan), { rapina: 'change', rapinb: 'change' });
        const result = await runFleetRotation(w.factory, plan);
        assert.deepEqual(kinds(result), { rapina: 'switched', rapinb: 'switched' });
        for (const id of [a.id, b.id]) {
            const registry = await assertRegistryUses(w, id, `${w.ap.uri}keys/key1/${result.createdVersion}`, w.granted.clientId!);
            assert.equal(versionOf(registry.raw.encryption?.keyVaultProperties?.keyIdentifier), result.createdVersion);
        }
    });

    it('leaves the registries waiting for a grant that fails on their old key', async () => {
        const a = await w.newRegistry('ragranta', { versionless: true });
        const plan = await planFleetRotation(
            w.factory,
            requestFor(['ragranta'], [a.id], { target: { kind: 'existing', keyId: `${w.otherSub.uri}keys/farkey` }, versionless: true }),
        );
        assert.equal(plan.grants.length, 1, 'id-rotate-granted has no access to that vault yet');
        await w.fault({
            method: 'PUT',
            pathPattern: '/accessPolicies/add$',
            times: 1,
            action: { status: 403, code: 'Forbidden', message: 'The client does not have authorization to perform this action.' },
        });
        try {
            const result = await runFleetRotation(w.factory, plan);
            assert.deepEqual(kinds(result), { ragranta: 'failed' });
        } finally {
            await w.clearFaults();
        }
        await assertRegistryUses(w, a.id, `${w.ap.uri}keys/key1`, w.granted.clientId!);
    });

    it('moves them to a key in another subscription with one grant per identity, and names the grant in the plan', async () => {
        const names = ['raoth1', 'raoth2', 'raoth3'];
        const ids = [];
        for (const name of names) {
            ids.push((await w.newRegistry(name, { versionless: true })).id);
        }
        const plan = await planFleetRotation(
            w.factory,
            requestFor(names, ids, { target: { kind: 'existing', keyId: `${w.otherSub.uri}keys/farkey` }, versionless: true }),
        );
        assert.deepEqual(kinds(plan), { raoth1: 'change', raoth2: 'change', raoth3: 'change' });
        assert.equal(plan.grants.length, 1, 'the three share identity id-rotate-granted');
        assert.equal(plan.grants[0]!.identityName, 'id-rotate-granted');
        assert.equal(plan.grants[0]!.vault.name, w.otherSub.name);
        assert.deepEqual(
            plan.grants[0]!.registries.map((r) => r.name),
            names,
        );
        const seq = w.world.emulator.context.log.lastSeq;
        const result = await runFleetRotation(w.factory, plan);
        assert.deepEqual(kinds(result), { raoth1: 'switched', raoth2: 'switched', raoth3: 'switched' });
        assert.equal(logSince(seq).filter((r) => r.method === 'PUT' && /\/accessPolicies\/add$/i.test(r.path)).length, 1, 'one grant');
        for (const id of ids) {
            await assertRegistryUses(w, id, `${w.otherSub.uri}keys/farkey`, w.granted.clientId!);
        }
    });

    it('leaves a registry whose switch fails on its old key, goes on with the others, and leaves out one it cannot plan', async () => {
        const names = ['rafaila', 'rafailb', 'rafailc', 'rafaild'];
        const ids = [];
        for (const name of names) {
            ids.push((await w.newRegistry(name, { versionless: true })).id);
        }
        // rafaild's encryption identity was removed from it: Rotate All does not re-assign identities, it leaves it out.
        await w.setup.acr.registries.update(
            rg,
            'rafaild',
            { identity: { type: 'UserAssigned', userAssignedIdentities: { [w.other.id!]: {} } } },
            { updateIntervalInMs: 20 },
        );
        await w.setup.acr.registries.update(
            rg,
            'rafaild',
            { identity: { type: 'UserAssigned', userAssignedIdentities: { [w.granted.id!]: null as never } } },
            { updateIntervalInMs: 20 },
        );
        const plan = await planFleetRotation(w.factory, requestFor(names, ids, { target: { kind: 'existing', keyId: w.ap.keys.key2! }, versionless: false }));
        assert.deepEqual(kinds(plan), { rafaila: 'change', rafailb: 'change', rafailc: 'change', rafaild: 'refused' });
        const refused = plan.entries.find((entry) => entry.kind === 'refused')!;
        assert.ok(refused.kind === 'refused' && isDomainError(refused.error) && refused.error.code === 'EncryptionIdentityRemoved');
        await w.fault({
            method: 'PATCH',
            pathPattern: '/registries/rafailb$',
            times: 5,
            action: { status: 500, code: 'InternalServerError', message: 'Internal error.' },
        });
        try {
            const result = await runFleetRotation(w.factory, plan);
            assert.deepEqual(kinds(result), { rafaila: 'switched', rafailb: 'failed', rafailc: 'switched', rafaild: 'refused' });
            const failed = result.outcomes.find((outcome) => outcome.kind === 'failed')!;
            assert.ok(failed.kind === 'failed' && failed.error instanceof StepFailure, String(failed.kind === 'failed' && failed.error));
        } finally {
            await w.clearFaults();
        }
        await assertRegistryUses(w, ids[0]!, w.ap.keys.key2!, w.granted.clientId!);
        await assertRegistryUses(w, ids[2]!, w.ap.keys.key2!, w.granted.clientId!);
        await assertRegistryUses(w, ids[1]!, `${w.ap.uri}keys/key1`, w.granted.clientId!);
        const untouched = await getRegistry(w.factory, ids[3]!);
        assert.equal(untouched.raw.encryption?.keyVaultProperties?.keyIdentifier?.toLowerCase(), `${w.ap.uri}keys/key1`.toLowerCase());
    });

    it('keeps a journal per registry while it runs, finished with each outcome (a failed one too); Clean Up of one cut off after a grant shared with another keeps that grant', async () => {
        const names = ['rajour1', 'rajour2'];
        const ids = [];
        for (const name of names) {
            ids.push((await w.newRegistry(name, { versionless: true })).id);
        }
        // An earlier test gave id-rotate-granted access to that vault: taken back, so this run grants it again (it ends granted).
        await grantPolicy(w.setupB, w.world.emulator, rg, w.otherSub.name, w.granted.principalId!, 'remove');
        const plan = await planFleetRotation(
            w.factory,
            requestFor(names, ids, { target: { kind: 'existing', keyId: `${w.otherSub.uri}keys/farkey` }, versionless: true }),
        );
        assert.equal(plan.grants.length, 1, 'the two share identity id-rotate-granted');
        // Each journal as last written before its run finished: what a crash at that moment would have left.
        const store = new MemoryJournalStore();
        const lastWritten = new Map<string, JournalEntry>();
        const recording: JournalStore = {
            list: () => store.list(),
            remove: (id) => store.remove(id),
            write: (entry) => {
                lastWritten.set(entry.registryId, entry);
                return store.write(entry);
            },
        };
        await w.fault({
            method: 'PATCH',
            pathPattern: '/registries/rajour2$',
            times: 5,
            action: { status: 500, code: 'InternalServerError', message: 'Internal error.' },
        });
        try {
            const result = await runFleetRotation(w.factory, plan, { beginJournal: registryJournals({ journal: recording }, 'rotateAllUsingKey') });
            assert.deepEqual(kinds(result), { rajour1: 'switched', rajour2: 'failed' });
        } finally {
            await w.clearFaults();
        }
        assert.deepEqual(await store.list(), [], 'every journal finished: nothing to resume');
        const steps = (id: string) => lastWritten.get(id)!.changes.map((change) => `${change.step}:${change.operation ? 'operation' : change.status}`);
        assert.deepEqual(steps(ids[0]!), [
            'grantAccess:started',
            'grantAccess:done',
            'switchEncryption:started',
            'switchEncryption:operation',
            'switchEncryption:done',
        ]);
        assert.deepEqual(steps(ids[1]!), ['grantAccess:started', 'grantAccess:done', 'switchEncryption:started']);
        const cut = lastWritten.get(ids[1]!)!;
        assert.equal(cut.command, 'rotateAllUsingKey');
        assert.equal((cut.state as { sharedGrant?: boolean }).sharedGrant, true);
        const outcome = await cleanUpRun(w.factory, await previewCleanUp(w.factory, cut), {
            journal: store,
            revocations: new StoredRevocations(new MemoryStorage()),
        });
        assert.deepEqual(outcome, { flow: 'rotate', undone: [], kept: ['grantAccess'] });
        assert.equal((await w.keyAccess(ids[0]!)).accessible, true, 'rajour1 still reaches farkey through the grant it shares');
        await assertRegistryUses(w, ids[1]!, `${w.ap.uri}keys/key1`, w.granted.clientId!);
    });

    it('Enable Automatic Rotation for all: a registry cut off at its switch is resumed from its journal, the policy already written not written again', async () => {
        const pinned = await w.newRegistry('raautoj', { versionless: false });
        const keyId = `${w.ap.uri}keys/key1`;
        const request = {
            ...requestFor(['raautoj'], [pinned.id], { target: { kind: 'existing', keyId }, versionless: true }),
            rotationPolicy: { rotateEveryDays: 45, notifyDaysBeforeExpiry: 10 },
        };
        const plan = await planFleetRotation(w.factory, request);
        const store = new MemoryJournalStore();
        let lastWritten: JournalEntry | undefined;
        const recording: JournalStore = {
            list: () => store.list(),
            remove: (id) => store.remove(id),
            write: (entry) => {
                lastWritten = entry;
                return store.write(entry);
            },
        };
        await w.fault({
            method: 'PATCH',
            pathPattern: '/registries/raautoj$',
            times: 5,
            action: { status: 500, code: 'InternalServerError', message: 'Internal error.' },
        });
        try {
            assert.deepEqual(
                kinds(await runFleetRotation(w.factory, plan, { beginJournal: registryJournals({ journal: recording }, 'enableAutoRotationUsingKey') })),
                { raautoj: 'failed' },
            );
        } finally {
            await w.clearFaults();
        }
        const cut = lastWritten!;
        assert.equal(cut.command, 'enableAutoRotationUsingKey');
        assert.deepEqual(doneSteps(cut), ['setRotationPolicy'], 'the policy is recorded as made for this registry too');
        const seq = w.world.emulator.context.log.lastSeq;
        await resumeRun(w.factory, cut, { journal: store, revocations: new StoredRevocations(new MemoryStorage()) });
        await assertRegistryUses(w, pinned.id, keyId, w.granted.clientId!);
        assert.equal(logSince(seq).filter((r) => r.method === 'PUT' && /\/rotationpolicy$/i.test(r.path)).length, 0, 'the policy is not written again');
        assert.deepEqual(await store.list(), [], 'the resumed run leaves no journal');
    });

    it('Enable Automatic Rotation for all: the rotation policy written once, every pinned registry moved to the versionless key, a versionless one left as it is', async () => {
        const pinned = await w.newRegistry('raautop', { versionless: false });
        const follower = await w.newRegistry('raautof', { versionless: true });
        const keyId = `${w.ap.uri}keys/key1`;
        const request = {
            ...requestFor(['raautop', 'raautof'], [pinned.id, follower.id], { target: { kind: 'existing', keyId }, versionless: true }),
            rotationPolicy: { rotateEveryDays: 30, notifyDaysBeforeExpiry: 10 },
        };
        const plan = await planFleetRotation(w.factory, request);
        assert.deepEqual(kinds(plan), { raautop: 'change', raautof: 'unchanged' });
        const seq = w.world.emulator.context.log.lastSeq;
        const result = await runFleetRotation(w.factory, plan);
        assert.deepEqual(kinds(result), { raautop: 'switched', raautof: 'unchanged' });
        assert.equal(logSince(seq).filter((r) => r.method === 'PUT' && /\/keys\/key1\/rotationpolicy$/i.test(r.path)).length, 1, 'one policy for both');
        const policy = await (await w.factory.keys(w.ap.uri)).getKeyRotationPolicy('key1');
        assert.equal(policy.expiresIn, 'P60D', 'versions expire after twice the interval');
        assert.ok(
            policy.lifetimeActions?.some((a) => a.action === 'Rotate' && a.timeAfterCreate === 'P30D'),
            JSON.stringify(policy.lifetimeActions),
        );
        await assertRegistryUses(w, pinned.id, keyId, w.granted.clientId!);
        await assertRegistryUses(w, follower.id, keyId, w.granted.clientId!);
    });
});
