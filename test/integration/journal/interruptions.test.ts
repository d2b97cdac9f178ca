import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isDomainError } from '../../../src/domain/errors';
import { findInterruptedRuns } from '../../../src/domain/engine/interruptedRuns';
import { canCleanUp, type JournalEntry } from '../../../src/domain/engine/JournalEntry';
import { FileJournalStore } from '../../../src/domain/engine/JournalStore';
import { cleanUpRun, previewCleanUp, resumeRun } from '../../../src/domain/recovery/recoverRun';
import { registryId as createdRegistryId } from '../../../src/domain/create/CreatePlan';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { StoredRevocations } from '../../../src/domain/revoke/RevocationRecord';
import { planRevoke, runRevoke } from '../../../src/domain/revoke/revokeKeyAccess';
import { allNewPlan } from '../create/createFixture';
import { startSeededWorld, type SeededWorld } from '../diagnose/seededWorld';
import type { ChildInput, CrashMode, CrashPoint } from './crashChild';
import type { ScenarioInput, ScenarioName } from './crashScenarios';
import { FileStorage } from './fileStorage';
import { expectedInterrupted, expectFleetRecovered, recoverFleet, registriesSharingKey } from './fleetTrial';
import { keyVersions, worldSnapshot } from './worldSnapshot';

const repoRoot = path.resolve(__dirname, '../../..');
/** A copy of every journal a killed run left, where the security suite (the last of `npm test`) looks for secrets. */
const keptJournals = path.join(repoRoot, 'test-results', 'journal-interruptions');
const points = (step: string, ...modes: CrashMode[]): CrashPoint[] => modes.map((mode) => ({ step, mode }));

/** Every change of every journaled flow, cut off before its request, while Azure works on it (long-running), and after Azure made it. */
const matrix: Record<ScenarioName, CrashPoint[]> = {
    create: [
        ...points('resourceGroup', 'beforeRequest', 'afterRequest'),
        ...points('identity', 'beforeRequest', 'afterRequest'),
        ...points('vault', 'beforeRequest', 'afterRequest'),
        ...points('keyManagementAccess', 'beforeRequest', 'afterRequest'),
        ...points('encryptionAccess', 'beforeRequest', 'afterRequest'),
        ...points('key', 'beforeRequest', 'afterRequest'),
        ...points('registry', 'beforeRequest', 'inFlight', 'afterRequest'),
    ],
    systemIdentity: [
        ...points('enableSystemIdentity', 'beforeRequest', 'inFlight', 'afterRequest'),
        ...points('grantAccess', 'beforeRequest', 'afterRequest'),
        ...points('switchEncryption', 'beforeRequest', 'inFlight', 'afterRequest'),
    ],
    newVersionPinned: [
        ...points('createKeyVersion', 'beforeRequest', 'afterRequest'),
        ...points('switchEncryption', 'beforeRequest', 'inFlight', 'afterRequest'),
    ],
    revoke: points('removeGrant', 'beforeRequest', 'afterRequest'),
    restore: points('regrant', 'beforeRequest', 'afterRequest'),
    // Three registries on one key, one at a time, cut off at the second one's journal: at the version made for all (before
    // its request: the third registry's journal never saw it; after it: the version exists, the second and third do not
    // know), and at its switch (the first registry done, the third not reached). The switch's other modes are a single
    // rotation's, tried above.
    rotateAll: [...points('createKeyVersion', 'beforeRequest', 'afterRequest'), ...points('switchEncryption', 'inFlight')].map((point) => ({
        ...point,
        registry: 2,
    })),
};

const tally = { tried: 0, resumed: 0, cleaned: 0, cleanUpNotOffered: 0, lost: 0 };

describe('interrupted flows: the process dies at every change, the journal resumes or cleans up', function () {
    this.timeout(600000);
    let world: SeededWorld;
    let work: string;

    before(async () => {
        // Fourteen registries: the 2nd, 8th and 14th share a key (Rotate All); each other scenario takes the first registry of its setup.
        world = await startSeededWorld('subscriptions=1,registries=14,cmk=1');
        work = mkdtempSync(path.join(tmpdir(), 'acr-cmk-journal-'));
        rmSync(keptJournals, { recursive: true, force: true });
        mkdirSync(keptJournals, { recursive: true });
    });
    after(async () => {
        console.log(
            `      interruptions: ${tally.tried} tried, ${tally.resumed} resumed, ${tally.cleaned} cleaned, ${tally.lost} lost` +
                (tally.cleanUpNotOffered ? ` (Clean Up not offered ${tally.cleanUpNotOffered}×: the registry already used its new key)` : ''),
        );
        await world?.world.stop();
        rmSync(work, { recursive: true, force: true });
    });

    for (const [scenario, crashPoints] of Object.entries(matrix) as [ScenarioName, CrashPoint[]][]) {
        for (const crash of crashPoints) {
            for (const action of ['resume', 'cleanUp'] as const) {
                it(`${scenario}: killed at ${crash.step}${crash.registry ? ` of registry ${crash.registry}` : ''} (${crash.mode}), then ${action === 'resume' ? 'Resume' : 'Clean Up'}`, async () => {
                    if (action === 'resume') {
                        tally.tried++;
                    }
                    try {
                        await trial(scenario, crash, action);
                    } catch (error) {
                        tally.lost++;
                        throw error;
                    }
                });
            }
        }
    }

    async function trial(scenario: ScenarioName, crash: CrashPoint, action: 'resume' | 'cleanUp'): Promise<void> {
        await world.reset();
        const dir = mkdtempSync(path.join(work, 'run-'));
        const revocationsFile = path.join(dir, 'revocations.json');
        const revocations = new StoredRevocations(new FileStorage(revocationsFile));
        const journalDir = path.join(dir, 'journal');
        const input = await prepare(scenario, revocations);
        const before = await world.admin.state();

        await runChild(
            { ...input, environment: world.world.emulator.environment, ca: world.world.cloud.caCertificate ?? '', journalDir, revocationsFile, crash },
            dir,
        );

        const journals = new FileJournalStore(journalDir);
        const interrupted = await findInterruptedRuns(journals);
        if (scenario === 'rotateAll') {
            assert.deepEqual(
                interrupted.map((run) => run.registryId).sort(),
                expectedInterrupted(input.registryIds!, crash).sort(),
                'one run per registry not finished: the one cut off and those not reached',
            );
        } else {
            assert.equal(interrupted.length, 1, 'the next start finds the run that did not finish');
        }
        for (const [index, run] of interrupted.entries()) {
            writeFileSync(
                path.join(keptJournals, `${scenario}-${crash.step}-${crash.mode}-${action}${index ? `-${index}` : ''}.json`),
                JSON.stringify(run, null, 2),
            );
            assert.doesNotMatch(JSON.stringify(run), /eyJ[\w-]+\.|BEGIN [A-Z ]*PRIVATE|clientSecret|client_secret/i, 'the journal holds no token or secret');
        }
        const entry = interrupted[0]!;
        const stores = { journal: journals, revocations };
        if (scenario === 'rotateAll') {
            const cleaned = await recoverFleet(world.factory, interrupted, stores, action);
            await expectFleetRecovered(world, input.registryIds!, before, cleaned);
            tally[action === 'resume' ? 'resumed' : cleaned.length > 0 ? 'cleaned' : 'cleanUpNotOffered']++;
        } else if (action === 'resume') {
            await resumeRun(world.factory, entry, stores);
            await expectCompleted(scenario, input, before, revocations);
            tally.resumed++;
        } else {
            if (!canCleanUp(entry)) {
                tally.cleanUpNotOffered++;
                return;
            }
            try {
                await cleanUpRun(world.factory, await previewCleanUp(world.factory, entry), stores);
            } catch (error) {
                // The switch was in flight and landed: the registry uses its new key, only Resume is right then.
                if (isDomainError(error) && error.code === 'CleanUpAfterSwitch' && crash.step === 'switchEncryption') {
                    tally.cleanUpNotOffered++;
                    return;
                }
                throw error;
            }
            await expectCleanedUp(scenario, entry, before, revocations);
            tally.cleaned++;
        }
        assert.deepEqual(
            readdirSync(journalDir).filter((name) => name.endsWith('.json')),
            [],
            'the journal is gone once resumed or cleaned up',
        );
    }

    async function prepare(scenario: ScenarioName, revocations: StoredRevocations): Promise<ScenarioInput> {
        const subscriptionIds = world.subscriptionIds;
        switch (scenario) {
            case 'create':
                return { scenario, subscriptionIds, createPlan: allNewPlan(subscriptionIds[0]!) };
            case 'systemIdentity':
            case 'revoke':
                return { scenario, subscriptionIds, registryId: (await world.registryWith('policyUser')).id };
            case 'newVersionPinned':
                return { scenario, subscriptionIds, registryId: (await world.registryWith('rbacUser')).id };
            case 'rotateAll':
                return { scenario, subscriptionIds, registryIds: (await registriesSharingKey(world)).map((registry) => registry.id) };
            case 'restore': {
                const registry = await world.registryWith('policyUser');
                const plan = await planRevoke(world.factory, { registryId: registry.id, method: { kind: 'removeAccess' }, subscriptionIds });
                await runRevoke(world.factory, plan, revocations, registry.name);
                return { scenario, subscriptionIds, registryId: registry.id };
            }
        }
    }

    async function expectCompleted(scenario: ScenarioName, input: ScenarioInput, before: unknown, revocations: StoredRevocations): Promise<void> {
        const after = await world.admin.state();
        const registryId = input.registryId ?? createdRegistryId(input.createPlan!);
        const access = (await world.admin.keyAccess(registryId)).accessible;
        const registry = await getRegistry(world.factory, registryId);
        const newVersions = keyVersions(after).filter((version) => !keyVersions(before).includes(version));
        switch (scenario) {
            case 'create': {
                assert.equal(registry.raw.provisioningState, 'Succeeded');
                assert.equal(registry.encryption.status, 'enabled');
                assert.equal(access, true, 'the registry reaches its key');
                assert.equal(newVersions.length, 1, 'one key, one version: nothing made twice');
                assert.deepEqual(worldSnapshot(after).identities.filter((name) => name.startsWith('id-create-')).length, 1, 'one identity');
                return;
            }
            case 'systemIdentity':
                assert.equal(registry.raw.encryption?.keyVaultProperties?.identity?.toLowerCase(), 'system');
                assert.equal(access, true);
                assert.deepEqual(newVersions, []);
                assert.equal(
                    worldSnapshot(after).policies.filter((policy) => policy.includes(registry.raw.identity?.principalId?.toLowerCase() ?? '?')).length,
                    1,
                    'one grant for the system identity',
                );
                return;
            case 'newVersionPinned':
                assert.equal(newVersions.length, 1, 'exactly one new key version: not created twice');
                assert.match(
                    registry.raw.encryption?.keyVaultProperties?.keyIdentifier ?? '',
                    new RegExp(`/${newVersions[0]!.split('/').pop()}$`),
                    'pinned to the version the run made',
                );
                assert.equal(access, true);
                return;
            case 'revoke':
                assert.equal(access, false, 'access revoked');
                assert.ok(revocations.get(registryId), 'Restore has the record');
                return;
            case 'restore':
                assert.equal(access, true, 'access back');
                assert.equal(revocations.get(registryId), undefined, 'the record is spent');
                return;
        }
    }

    async function expectCleanedUp(scenario: ScenarioName, entry: JournalEntry, before: unknown, revocations: StoredRevocations): Promise<void> {
        const after = await world.admin.state();
        // A new key version cannot be deleted (Key Vault deletes whole keys): Clean Up of a rotation leaves it, and says so.
        const ignoreKeys = scenario === 'newVersionPinned';
        assert.deepEqual(worldSnapshot(after, { ignoreKeys }), worldSnapshot(before, { ignoreKeys }), 'the world as it was before the run');
        if (scenario === 'restore') {
            assert.ok(revocations.get(entry.registryId), 'still revoked, record kept');
        }
        if (scenario === 'revoke') {
            assert.equal(revocations.get(entry.registryId), undefined, 'nothing left revoked');
        }
    }
});

function runChild(input: ChildInput, dir: string): Promise<void> {
    const file = path.join(dir, 'input.json');
    writeFileSync(file, JSON.stringify(input), { mode: 0o600 });
    return new Promise((resolve, reject) => {
        const child = spawn(
            process.execPath,
            ['--require', 'tsx/cjs', '--require', './test/support/resolve-localhost.cjs', 'test/integration/journal/crashChild.ts', file],
            { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
            stderr += chunk.toString();
        });
        child.on('exit', (code, signal) => {
            rmSync(file, { force: true });
            if (signal === 'SIGKILL') {
                resolve();
            } else {
                reject(new Error(`the run was not cut off at ${input.crash.step} (${input.crash.mode}): exit ${code} ${stderr.slice(-2000)}`));
            }
        });
    });
}
