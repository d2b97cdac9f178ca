import * as assert from 'node:assert/strict';
import { findEncryptionGrants } from '../../../src/domain/access/findEncryptionGrants';
import { getVault } from '../../../src/domain/access/getVault';
import { setKeyVersionEnabled } from '../../../src/domain/access/keyState';
import { removeGrant } from '../../../src/domain/access/encryptionAccess';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { isDomainError, type AnyDomainError } from '../../../src/domain/errors';
import type { StepJournal } from '../../../src/domain/engine/RunJournal';
import { formatKeyIdentifier } from '../../../src/domain/keys/keyIdentifier';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { planRotation, requireCmk } from '../../../src/domain/rotate/planRotation';
import { patchRegistry, switchEncryptionBody } from '../../../src/domain/rotate/registryPatches';
import { runRotation } from '../../../src/domain/rotate/runRotation';
import { useSystemIdentityRequest } from '../../../src/domain/systemIdentity/useSystemIdentityRequest';
import { connectToEmulator } from '../../support/connectToEmulator';
import { testClientOptions } from '../domain/emulatorWorld';
import { startSeededWorld, type SeededWorld } from '../diagnose/seededWorld';

/** Changes (not reads, not sign-in) sent since `since`. */
async function changesSince(world: SeededWorld, since: number): Promise<string[]> {
    const { requests } = await world.admin.requests(since);
    return requests
        .filter((r) => r.method !== 'GET' && !r.path.startsWith('/_emulator') && !/\/oauth2\/|\/\.well-known\//.test(r.path))
        .map((r) => `${r.method} ${r.path}`);
}

describe('stale plans: someone else changes what a confirmed plan relied on', function () {
    this.timeout(120000);
    let world: SeededWorld;
    /** A second window (or a pipeline): its own sign-in and SDK clients. */
    let other: AzureClientFactory;

    before(async () => {
        world = await startSeededWorld();
        const { source } = await connectToEmulator(world.world.emulator.environment, world.world.cloud.caCertificate, testClientOptions);
        other = (await source.listAllSubscriptions()).find((target) => target.subscriptionId === world.subscriptionIds[0])!.factory;
    });
    after(() => world?.world.stop());
    beforeEach(() => world.reset());

    it("two windows, one registry: the second window's confirmed plan stops before its first change, naming what changed and who changed it", async () => {
        const registry = await world.registryWith('policyUser');
        const planA = await planRotation(world.factory, useSystemIdentityRequest(registry, { removePreviousIdentityAccess: false }));
        // The other window rotates the same registry to a new pinned key version, start to end.
        const planB = await planRotation(other, {
            registryId: registry.id,
            key: { kind: 'newVersion' },
            versionless: false,
            identity: { kind: 'keep' },
            consent: {},
        });
        await runRotation(other, planB);
        const changedByOther = await getRegistry(world.factory, registry.id);
        const { lastSeq } = await world.admin.requests();

        await assert.rejects(runRotation(world.factory, planA), (error: AnyDomainError) => {
            assert.equal(error.code, 'PlanStale');
            assert.equal(error.params.registry, registry.name);
            assert.match(error.params.planned ?? '', /cmk-key-1 /);
            assert.match(error.params.found ?? '', /\/cmk-key-1\/[0-9a-f]{32} /, 'what it uses now: the pinned version the other window chose');
            assert.notEqual(error.params.by ?? '', '', 'who changed it (systemData.lastModifiedBy)');
            return true;
        });
        assert.deepEqual(await changesSince(world, lastSeq), [], 'nothing changed after the plan was found stale');
        assert.deepEqual((await getRegistry(world.factory, registry.id)).raw.encryption, changedByOther.raw.encryption);
    });

    it('a registry changed in the middle of a run (after the grant, before the switch): the switch is not made', async () => {
        const registry = await world.registryWith('policyUser');
        const plan = await planRotation(world.factory, useSystemIdentityRequest(registry, { removePreviousIdentityAccess: false }));
        assert.deepEqual([...plan.steps], ['enableSystemIdentity', 'grantAccess', 'switchEncryption']);
        const state = requireCmk(registry);
        const pinned = formatKeyIdentifier({ ...state.key!, version: state.currentVersion });
        let since = 0;
        const meddling: StepJournal = {
            started: () => Promise.resolve(),
            operation: () => Promise.resolve(),
            async done(step) {
                if (step === 'grantAccess') {
                    // Someone pins the registry to its current version meanwhile (same identity).
                    await patchRegistry(other, registry, switchEncryptionBody(pinned, registry.raw.encryption!.keyVaultProperties!.identity!));
                    since = (await world.admin.requests()).lastSeq;
                }
            },
        };
        await assert.rejects(
            runRotation(world.factory, plan, undefined, { journal: meddling, runId: '00000000-0000-4000-8000-000000000001' }),
            (error: AnyDomainError) => error.code === 'PlanStale' && error.params.step === 'switchEncryption',
        );
        assert.deepEqual(await changesSince(world, since), [], 'the switch was not sent');
        assert.equal((await getRegistry(world.factory, registry.id)).raw.encryption?.keyVaultProperties?.keyIdentifier, pinned);
    });

    it('a key disabled after the plan: the registry is not switched to it', async () => {
        const registry = await world.registryWith('rbacUser');
        const state = requireCmk(registry);
        const plan = await planRotation(world.factory, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: formatKeyIdentifier(state.key!, { versionless: true }) },
            versionless: true,
            identity: { kind: 'keep' },
            consent: {},
        });
        await setKeyVersionEnabled(other, state.key!, state.currentVersion!, false);
        const { lastSeq } = await world.admin.requests();
        await assert.rejects(runRotation(world.factory, plan), (error: AnyDomainError) => {
            assert.equal(error.code, 'PlanStaleKey');
            assert.equal(error.params.state, 'disabled');
            assert.equal(error.params.key, state.key!.keyName);
            return true;
        });
        assert.deepEqual(await changesSince(world, lastSeq), []);
    });

    it('a grant removed after the plan: the registry is not switched onto a key its identity cannot reach', async () => {
        const registry = await world.registryWith('policyUser');
        const state = requireCmk(registry);
        const plan = await planRotation(world.factory, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: formatKeyIdentifier({ ...state.key!, version: state.currentVersion }) },
            versionless: false,
            identity: { kind: 'keep' },
            consent: {},
        });
        assert.deepEqual([...plan.steps], ['switchEncryption'], 'the identity had access: no grant planned');
        const vault = await getVault(other, plan.vault.id);
        for (const grant of await findEncryptionGrants(other, vault, plan.identity.principalId!)) {
            await removeGrant(other, vault, grant);
        }
        const { lastSeq } = await world.admin.requests();
        await assert.rejects(
            runRotation(world.factory, plan),
            (error: unknown) => isDomainError(error) && error.code === 'PlanStaleAccess' && error.params.vault === plan.vault.name,
        );
        assert.deepEqual(await changesSince(world, lastSeq), []);
    });
});
