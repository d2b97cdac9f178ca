import * as assert from 'node:assert/strict';
import { callerObjectId } from '../../../src/domain/access/callerObjectId';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { cleanupCreate } from '../../../src/domain/create/cleanupCreate';
import { createStepIds, type CreatePlan, type CreateStepId } from '../../../src/domain/create/CreatePlan';
import { isCreateStepFailedError, type CreateStepFailedError } from '../../../src/domain/create/CreateStepFailedError';
import { executeCreate } from '../../../src/domain/create/executeCreate';
import { createStepRequests } from '../../../src/domain/create/stepRequests';
import type { EmulatorWorld } from '../domain/emulatorWorld';
import { makeGroup, makeVault, startAccessWorld } from '../access/accessFixture';
import { emulatorAdmin, policiesOf, type EmulatorState } from '../access/emulatorAdmin';
import { allNewPlan, uniqueSuffix } from './createFixture';

// What exists (created by the run) after each step fails on the all-new path, in creation order.
const createdBeforeFailure: Record<CreateStepId, string[]> = {
    resourceGroup: [],
    identity: ['resourceGroup', 'vault'],
    vault: ['resourceGroup', 'identity'],
    vaultProtection: ['resourceGroup', 'identity'],
    keyManagementAccess: ['resourceGroup', 'identity', 'vault'],
    // The key is made in the same phase: the report is read once the phase settled, so it names the key too.
    encryptionAccess: ['resourceGroup', 'identity', 'vault', 'accessPolicy', 'key'],
    key: ['resourceGroup', 'identity', 'vault', 'accessPolicy', 'accessPolicy'],
    registry: ['resourceGroup', 'identity', 'vault', 'accessPolicy', 'accessPolicy', 'key'],
};

describe('create encrypted registry: a failure at each step', function () {
    this.timeout(300000);
    let world: EmulatorWorld;
    let factory: AzureClientFactory;
    let subscriptionId: string;
    let admin: ReturnType<typeof emulatorAdmin>;
    const sharedGroup = 'rg-faults';

    before(async () => {
        ({ world, factory, subscriptionId } = await startAccessWorld());
        admin = emulatorAdmin(world);
        await makeGroup(factory, subscriptionId, sharedGroup);
    });
    after(() => world?.stop());
    afterEach(() => admin.clearFaults());

    /** vaultProtection only runs on an existing vault without purge protection (the user agreed to enable it). */
    async function planFor(step: CreateStepId): Promise<CreatePlan> {
        if (step !== 'vaultProtection') {
            return allNewPlan(subscriptionId);
        }
        const caller = await callerObjectId(factory.connection);
        const name = `kv-pp-${uniqueSuffix()}`;
        const id = await makeVault(factory, subscriptionId, sharedGroup, name, {
            enablePurgeProtection: false,
            accessPolicies: [{ tenantId: factory.cloud.tenantId, objectId: caller, permissions: { keys: ['get', 'list', 'create', 'update'] } }],
        });
        return allNewPlan(subscriptionId, { vault: { kind: 'existing', id, enablePurgeProtection: true } });
    }

    async function failAt(step: CreateStepId, plan: CreatePlan, action: Record<string, unknown>): Promise<CreateStepFailedError> {
        const request = createStepRequests[step];
        await admin.addFault({
            method: request.method,
            pathPattern: request.pathPattern,
            ...(request.nth ? { nth: request.nth } : { times: 1 }),
            ...(request.dataPlane ? { hostPattern: '\\.vault\\.' } : {}),
            action,
        });
        try {
            await executeCreate(factory, plan, { grantPropagationTimeoutMs: 0 });
        } catch (error) {
            assert.ok(isCreateStepFailedError(error), `a structured failure, got ${String(error)}`);
            return error;
        }
        throw new Error(`step ${step}: expected a failure`);
    }

    function assertExists(state: EmulatorState, kind: string, id: string, exists: boolean): void {
        const key = id.toLowerCase();
        const tables: Record<string, Record<string, unknown>> = {
            resourceGroup: state.groups,
            identity: state.identities,
            vault: state.vaults,
            registry: state.registries,
        };
        const table = tables[kind];
        if (table) {
            assert.equal(key in table, exists, `${kind} ${id} should ${exists ? '' : 'not '}exist`);
        }
    }

    for (const step of createStepIds) {
        const faults: [string, Record<string, unknown>][] = [['400 BadRequest', { status: 400, code: 'InjectedFault', message: `injected at ${step}` }]];
        if (step === 'registry') {
            faults.push(['long-running operation ending Failed', { lroFail: true }]);
        }
        for (const [label, action] of faults) {
            it(`${step} (${label}): reports step, cause and what exists; retry from there succeeds`, async () => {
                const plan = await planFor(step);
                const error = await failAt(step, plan, action);
                assert.equal(error.report.step, step);
                assert.equal(error.code, 'CreateStepFailed');
                if (!('lroFail' in action)) {
                    assert.equal(error.report.cause.code, 'InjectedFault');
                    assert.equal(error.report.cause.statusCode, 400);
                }
                const expected = [...createdBeforeFailure[step], ...('lroFail' in action ? ['registry'] : [])];
                assert.deepEqual(
                    error.report.created.map((r) => r.kind),
                    expected,
                );
                const state = await admin.state();
                for (const resource of error.report.created) {
                    assertExists(state, resource.kind, resource.id, true);
                }
                assert.ok(!(plan.registry.name.toLowerCase() in state.registries));
                if (step === 'vaultProtection') {
                    assert.deepEqual(
                        error.report.preExisting.map((r) => r.kind),
                        ['vault'],
                    );
                }

                const result = await executeCreate(factory, plan, { resume: error.state });
                assert.equal((await admin.keyAccess(result.registryId)).accessible, true);
                const vaultId = result.state.vault!.info.id;
                const identity = result.state.identity!.principalId.toLowerCase();
                assert.deepEqual(
                    policiesOf(await admin.state(), vaultId)[identity],
                    ['get', 'unwrapKey', 'wrapKey'],
                    'exactly the encryption rights after the retry',
                );
            });
        }

        it(`${step}: cleanup after the failure deletes only what this run created`, async () => {
            const plan = await planFor(step);
            const before = await admin.state();
            const error = await failAt(step, plan, step === 'registry' ? { lroFail: true } : { status: 409, code: 'Conflict', message: 'injected' });
            const created = error.report.created;
            const preExisting = error.report.preExisting;
            await cleanupCreate(factory, error.state);
            const after = await admin.state();
            for (const resource of created) {
                assertExists(after, resource.kind, resource.id, false);
            }
            for (const resource of preExisting) {
                assertExists(after, resource.kind, resource.id, true);
            }
            assert.deepEqual(Object.keys(after.registries).sort(), Object.keys(before.registries).sort());
            assert.deepEqual(Object.keys(after.identities).sort(), Object.keys(before.identities).sort());
            assert.deepEqual(Object.keys(after.vaults).sort(), Object.keys(before.vaults).sort());
            assert.deepEqual(Object.keys(after.groups).sort(), Object.keys(before.groups).sort());
            for (const id of Object.keys(before.vaults)) {
                assert.deepEqual(policiesOf(after, id), policiesOf(before, id), `policies of pre-existing vault ${id} unchanged`);
            }
        });
    }
});
