import * as assert from 'node:assert/strict';
import type { VaultInfo } from '../../../src/domain/access/VaultInfo';
import type { CreatePlan, CreateStepId } from '../../../src/domain/create/CreatePlan';
import type { CreateRunState } from '../../../src/domain/create/CreateRunState';
import { decideCreate, type CreateFacts } from '../../../src/domain/create/decideCreate';

// The create decision from facts alone (no emulator, no request): which steps make something and which reuse what
// the run holds, and the consent a step needs. The steps' requests are tested in test/integration/create/.

const plan: CreatePlan = {
    subscriptionId: 's1',
    location: 'eastus',
    resourceGroup: { name: 'rg', create: true },
    registry: { name: 'reg' },
    identity: { kind: 'new', name: 'id' },
    vault: { kind: 'new', name: 'kv' },
    key: { kind: 'new', name: 'cmk' },
    versionless: true,
};
const existingVault = (enablePurgeProtection?: boolean): CreatePlan => ({ ...plan, vault: { kind: 'existing', id: '/v/kv', enablePurgeProtection } });
const existingKey: CreatePlan['key'] = { kind: 'existing', name: 'cmk' };
const vault = (enablePurgeProtection: boolean): VaultInfo => ({ id: '/v/kv', name: 'kv', enablePurgeProtection }) as VaultInfo;
const grant = { kind: 'accessPolicy', objectId: 'o', permissions: ['get'] } as const;

/** The steps decided as needed, in order. */
function neededSteps(facts: Partial<CreateFacts>, forPlan = plan): CreateStepId[] {
    return decideCreate({ state: { completed: [] }, ...facts }, forPlan)
        .filter((change) => change.needed)
        .map((change) => change.step);
}

describe('decideCreate (pure)', () => {
    it('every step, in execution order, whether needed or not', () => {
        assert.deepEqual(
            decideCreate({ state: { completed: [] } }, plan).map((change) => change.step),
            ['resourceGroup', 'identity', 'vault', 'vaultProtection', 'keyManagementAccess', 'encryptionAccess', 'key', 'registry'],
        );
    });

    it('all new: everything is made; a new vault needs no purge-protection change, and the caller gets key management on it', () => {
        assert.deepEqual(neededSteps({}), ['resourceGroup', 'identity', 'vault', 'keyManagementAccess', 'encryptionAccess', 'key', 'registry']);
        assert.ok(decideCreate({ state: { completed: [] } }, plan).every((change) => change.consent === undefined));
    });

    it('an existing key needs no key-management grant (nothing is created in the vault)', () => {
        assert.ok(!neededSteps({}, { ...plan, key: existingKey }).includes('keyManagementAccess'));
    });

    it("a new key in an existing vault: no key-management grant (the caller's own rights are used)", () => {
        assert.ok(!neededSteps({ vault: vault(true) }, existingVault()).includes('keyManagementAccess'));
    });

    it('an existing vault with purge protection: no change to it', () => {
        const changes = decideCreate({ state: { completed: [] }, vault: vault(true) }, existingVault());
        assert.equal(changes.find((change) => change.step === 'vaultProtection')?.needed, false);
    });

    it('an existing vault without purge protection: the change needs consent, given or not', () => {
        for (const agreed of [true, false, undefined]) {
            const change = decideCreate({ state: { completed: [] }, vault: vault(false) }, existingVault(agreed)).find((c) => c.step === 'vaultProtection');
            assert.deepEqual(change, { step: 'vaultProtection', needed: true, consent: { to: 'enablePurgeProtection', given: agreed === true } });
        }
    });

    it('an existing vault not read yet (no preflight): decided once the run has read it', () => {
        assert.ok(!neededSteps({}, existingVault()).includes('vaultProtection'));
        const state: CreateRunState = { completed: [], vault: { info: vault(false), createdByRun: false } };
        assert.ok(neededSteps({ state }, existingVault(true)).includes('vaultProtection'));
    });

    it("the run's own vault wins over what preflight read (its answer is newer)", () => {
        const state: CreateRunState = { completed: [], vault: { info: vault(true), createdByRun: false } };
        assert.ok(!neededSteps({ state, vault: vault(false) }, existingVault()).includes('vaultProtection'));
    });

    it('a vault the run made reads as made by it: the key-management grant follows that, not the plan', () => {
        const made: CreateRunState = { completed: [], vault: { info: vault(true), createdByRun: true } };
        const found: CreateRunState = { completed: [], vault: { info: vault(true), createdByRun: false } };
        assert.ok(neededSteps({ state: made }, existingVault()).includes('keyManagementAccess'));
        assert.ok(!neededSteps({ state: found }).includes('keyManagementAccess'));
    });

    it('a resumed run reuses what it holds and makes only the rest', () => {
        const state: CreateRunState = {
            completed: ['resourceGroup', 'identity', 'vault', 'keyManagementAccess', 'encryptionAccess'],
            resourceGroup: { id: '/rg', createdByRun: true },
            identity: { id: '/id', name: 'id', principalId: 'p', clientId: 'c', createdByRun: true },
            vault: { info: vault(true), createdByRun: true },
            keyManagementGrant: grant,
            encryptionGrant: grant,
        };
        assert.deepEqual(neededSteps({ state }), ['key', 'registry']);
        const key = { versionedId: 'k/1', name: 'cmk', version: '1', keyIdentifier: 'k', createdByRun: true };
        assert.deepEqual(neededSteps({ state: { ...state, key } }), ['registry']);
    });

    it('a registry left Failed is made again; one that succeeded is done', () => {
        const failed: CreateRunState = { completed: [], registry: { id: '/r', createdByRun: true, succeeded: false } };
        assert.ok(neededSteps({ state: failed }).includes('registry'));
        assert.ok(!neededSteps({ state: { ...failed, registry: { ...failed.registry!, succeeded: true } } }).includes('registry'));
    });
});
