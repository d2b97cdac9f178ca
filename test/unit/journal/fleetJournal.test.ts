import * as assert from 'node:assert/strict';
import { fleetRegistryPlan, noRegistryJournal } from '../../../src/domain/fleet/rotateAll/fleetJournal';
import type { FleetRotationPlan, FleetRotationRequest } from '../../../src/domain/fleet/rotateAll/FleetRotation';
import type { RotationPlan, RotationStepName } from '../../../src/domain/rotate/RotationPlan';

const key = { vaultUrl: 'https://kv.vault.azure.net/', vaultName: 'kv', keyName: 'k' };
const versionlessId = 'https://kv.vault.azure.net/keys/k';
const registryPlan = (steps: RotationStepName[], versionless: boolean): RotationPlan =>
    ({
        registry: { id: '/r/one', name: 'one', subscriptionId: 's' },
        vault: { id: '/v/kv', name: 'kv' },
        key,
        versionless,
        identity: { kind: 'user', resourceId: '/i/id', name: 'id', clientId: 'c', principalId: 'p', assigned: true },
        targetKeyId: versionless ? versionlessId : `${versionlessId}/v1`,
        steps: new Set(steps),
    }) as unknown as RotationPlan;
const fleet = (request: Partial<FleetRotationRequest>, policy?: FleetRotationPlan['policy']): FleetRotationPlan => ({
    request: { key, registries: [], target: { kind: 'newVersion' }, versionless: false, subscriptionIds: ['s'], ...request },
    entries: [],
    grants: [],
    policy,
});

describe("Rotate All: one registry's part as its journal keeps it", () => {
    it('a new version: the shared key version is one of its steps, and a pinned registry learns its key identifier only once the version exists', () => {
        const plan = fleetRegistryPlan(fleet({}), registryPlan(['grantAccess', 'switchEncryption'], false));
        assert.deepEqual([...plan.steps].sort(), ['createKeyVersion', 'grantAccess', 'switchEncryption']);
        assert.equal(plan.targetKeyId, undefined);
        assert.equal(plan.rotationPolicy, undefined);
    });

    it('a new version for a versionless registry keeps its versionless key identifier', () => {
        const plan = fleetRegistryPlan(fleet({ versionless: true }), registryPlan(['switchEncryption'], true));
        assert.deepEqual([...plan.steps].sort(), ['createKeyVersion', 'switchEncryption']);
        assert.equal(plan.targetKeyId, versionlessId);
    });

    it('another key: no key version, the planned key identifier stays', () => {
        const plan = fleetRegistryPlan(fleet({ target: { kind: 'existing', keyId: `${versionlessId}/v1` } }), registryPlan(['switchEncryption'], false));
        assert.deepEqual([...plan.steps], ['switchEncryption']);
        assert.equal(plan.targetKeyId, `${versionlessId}/v1`);
    });

    it("Enable Automatic Rotation for all: the policy, and the user's rights to write it when lacking, are its steps too", () => {
        const policy = { rotateEveryDays: 30, notifyDaysBeforeExpiry: 10 };
        const userRights = { objectId: 'u', missing: ['getrotationpolicy', 'setrotationpolicy'] };
        const withRights = fleetRegistryPlan(
            fleet(
                { target: { kind: 'existing', keyId: versionlessId }, versionless: true, rotationPolicy: policy },
                { vault: { id: '/v/kv', name: 'kv' } as never, userRights },
            ),
            registryPlan(['switchEncryption'], true),
        );
        assert.deepEqual([...withRights.steps].sort(), ['grantPolicyRights', 'setRotationPolicy', 'switchEncryption']);
        assert.deepEqual(withRights.rotationPolicy, policy);
        assert.deepEqual(withRights.policyRights, userRights);
        const without = fleetRegistryPlan(
            fleet(
                { target: { kind: 'existing', keyId: versionlessId }, versionless: true, rotationPolicy: policy },
                { vault: { id: '/v/kv', name: 'kv' } as never },
            ),
            registryPlan(['switchEncryption'], true),
        );
        assert.deepEqual([...without.steps].sort(), ['setRotationPolicy', 'switchEncryption']);
    });

    it('the plan the run confirmed is not changed', () => {
        const original = registryPlan(['switchEncryption'], false);
        fleetRegistryPlan(fleet({}), original);
        assert.deepEqual([...original.steps], ['switchEncryption']);
        assert.equal(original.targetKeyId, `${versionlessId}/v1`);
    });

    it('without storage the run keeps no journal, and finishing it is harmless', async () => {
        const journal = await noRegistryJournal(registryPlan(['switchEncryption'], false), { completed: [] });
        await journal.started('switchEncryption');
        await journal.finish();
    });
});
