import * as assert from 'node:assert/strict';
import { DomainError } from '../../../src/domain/errors';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { planRotation } from '../../../src/domain/rotate/planRotation';
import { StepFailure } from '../../../src/domain/engine/StepFailure';
import { rotationStepNames, type RotationStepName } from '../../../src/domain/rotate/RotationPlan';
import type { RotationRequest } from '../../../src/domain/rotate/RotationRequest';
import { remainingPlan, runRotation } from '../../../src/domain/rotate/runRotation';
import { grantPolicy } from '../emulator/cmkFixture';
import { allConsent, assertRegistryUses } from './rotateAssertions';
import { rg, startRotateWorld, type RotateWorld } from './rotateWorld';

interface FaultCase {
    /** A registry + request whose plan contains the step. */
    scenario(w: RotateWorld, name: string): Promise<Omit<RotationRequest, 'consent'>>;
    /** The fault rule that hits the step's first request. */
    fault(w: RotateWorld, registryName: string): Record<string, unknown>;
    expectedIdentity(w: RotateWorld): string;
}

const registryPatch = (name: string) => ({ method: 'PATCH', pathPattern: `/registries/${name}$` });
const conflict = { status: 409, code: 'Conflict', message: 'Another operation is in progress.' };
const forbidden = { status: 403, code: 'Forbidden', message: 'The client does not have authorization to perform this action.' };

// One case per step of the rotation's own step list: a `Record` makes a missing step a compile error.
const cases: Record<RotationStepName, FaultCase> = {
    reassignIdentity: {
        async scenario(w, name) {
            const registry = await w.newRegistry(name);
            await w.setup.acr.registries.update(
                rg,
                name,
                { identity: { type: 'UserAssigned', userAssignedIdentities: { [w.other.id!]: {} } } },
                { updateIntervalInMs: 20 },
            );
            await w.setup.acr.registries.update(
                rg,
                name,
                { identity: { type: 'UserAssigned', userAssignedIdentities: { [w.granted.id!]: null as never } } },
                { updateIntervalInMs: 20 },
            );
            return { registryId: registry.id, key: { kind: 'existing', keyId: w.ap.keys.key2! }, versionless: false, identity: { kind: 'keep' } };
        },
        fault: (_w, name) => ({ ...registryPatch(name), times: 1, action: conflict }),
        expectedIdentity: (w) => w.granted.clientId!,
    },
    assignIdentity: {
        async scenario(w, name) {
            return {
                registryId: (await w.newRegistry(name)).id,
                key: { kind: 'existing', keyId: w.ap.keys.key2! },
                versionless: false,
                identity: { kind: 'user', resourceId: w.other.id! },
            };
        },
        fault: (_w, name) => ({ ...registryPatch(name), times: 1, action: { lroFail: true } }),
        expectedIdentity: (w) => w.other.clientId!,
    },
    enableSystemIdentity: {
        async scenario(w, name) {
            return {
                registryId: (await w.newRegistry(name)).id,
                key: { kind: 'existing', keyId: w.ap.keys.key2! },
                versionless: false,
                identity: { kind: 'system' },
            };
        },
        // A 500 that outlasts the SDK's retries.
        fault: (_w, name) => ({ ...registryPatch(name), times: 5, action: { status: 500, code: 'InternalServerError', message: 'Internal error.' } }),
        expectedIdentity: () => 'system',
    },
    grantAccess: {
        async scenario(w, name) {
            return {
                registryId: (await w.newRegistry(name)).id,
                key: { kind: 'existing', keyId: w.otherSub.keys.farkey! },
                versionless: true,
                identity: { kind: 'keep' },
                subscriptionIds: [w.subscriptionA, w.subscriptionB],
            };
        },
        fault: () => ({ method: 'PUT', pathPattern: '/accessPolicies/add$', times: 1, action: forbidden }),
        expectedIdentity: (w) => w.granted.clientId!,
    },
    enableTrustedServices: {
        async scenario(w, name) {
            return {
                registryId: (await w.newRegistry(name)).id,
                key: { kind: 'existing', keyId: w.firewalledNoBypass.keys.fwkey! },
                versionless: true,
                identity: { kind: 'system' },
            };
        },
        fault: (w) => ({ method: 'PATCH', pathPattern: `/vaults/${w.firewalledNoBypass.name}$`, times: 1, action: conflict }),
        expectedIdentity: () => 'system',
    },
    grantPolicyRights: {
        async scenario(w, name) {
            // The signed-in principal loses the rotation-policy rights on the other subscription's vault; the identity is granted there up front.
            const emu = w.world.emulator;
            await grantPolicy(w.setupB, emu, rg, w.otherSub.name, w.granted.principalId!);
            await w.setupB.keyVault.vaults.updateAccessPolicy(rg, w.otherSub.name, 'remove', {
                properties: {
                    accessPolicies: [
                        {
                            tenantId: emu.environment.tenantId,
                            objectId: emu.environment.principalObjectId,
                            permissions: { keys: ['getrotationpolicy', 'setrotationpolicy'] },
                        },
                    ],
                },
            });
            return {
                registryId: (await w.newRegistry(name)).id,
                key: { kind: 'existing', keyId: w.otherSub.keys.farkey! },
                versionless: true,
                identity: { kind: 'keep' },
                subscriptionIds: [w.subscriptionA, w.subscriptionB],
                rotationPolicy: { rotateEveryDays: 90, notifyDaysBeforeExpiry: 30 },
            };
        },
        fault: () => ({ method: 'PUT', pathPattern: '/accessPolicies/add$', times: 1, action: forbidden }),
        expectedIdentity: (w) => w.granted.clientId!,
    },
    createKeyVersion: {
        async scenario(w, name) {
            return {
                registryId: (await w.newRegistry(name, { versionless: false })).id,
                key: { kind: 'newVersion' },
                versionless: false,
                identity: { kind: 'keep' },
            };
        },
        fault: (w) => ({ method: 'POST', hostPattern: `^${w.ap.name}\\.`, pathPattern: '/keys/key1/create$', times: 1, action: forbidden }),
        expectedIdentity: (w) => w.granted.clientId!,
    },
    switchEncryption: {
        async scenario(w, name) {
            return {
                registryId: (await w.newRegistry(name)).id,
                key: { kind: 'existing', keyId: w.ap.keys.key2! },
                versionless: false,
                identity: { kind: 'keep' },
            };
        },
        fault: (_w, name) => ({ ...registryPatch(name), times: 1, action: { lroFail: true } }),
        expectedIdentity: (w) => w.granted.clientId!,
    },
    setRotationPolicy: {
        async scenario(w, name) {
            return {
                registryId: (await w.newRegistry(name, { versionless: false })).id,
                key: { kind: 'existing', keyId: `${w.ap.uri}keys/key2` },
                versionless: true,
                identity: { kind: 'keep' },
                rotationPolicy: { rotateEveryDays: 90, notifyDaysBeforeExpiry: 30 },
            };
        },
        fault: () => ({ method: 'PUT', pathPattern: '/keys/key2/rotationpolicy$', times: 1, action: forbidden }),
        expectedIdentity: (w) => w.granted.clientId!,
    },
    removeOldGrant: {
        async scenario(w, name) {
            // The previous identity must still hold a grant on the vault: give the other identity one of its own.
            const registry = await w.newRegistry(name);
            await w.setup.keyVault.vaults.updateAccessPolicy(rg, w.ap.name, 'add', {
                properties: {
                    accessPolicies: [
                        {
                            tenantId: w.world.emulator.environment.tenantId,
                            objectId: w.other.principalId!,
                            permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] },
                        },
                    ],
                },
            });
            await w.setup.acr.registries.update(
                rg,
                name,
                {
                    identity: { type: 'UserAssigned', userAssignedIdentities: { [w.granted.id!]: {}, [w.other.id!]: {} } },
                    encryption: { keyVaultProperties: { keyIdentifier: `${w.ap.uri}keys/key1`, identity: w.other.clientId! } },
                },
                { updateIntervalInMs: 20 },
            );
            return {
                registryId: registry.id,
                key: { kind: 'existing', keyId: `${w.ap.uri}keys/key1` },
                versionless: true,
                identity: { kind: 'system' },
                removePreviousIdentityAccess: true,
            };
        },
        fault: () => ({
            method: 'PUT',
            pathPattern: '/accessPolicies/remove$',
            times: 5,
            action: { status: 503, code: 'ServiceUnavailable', message: 'Try later.', retryAfter: 0 },
        }),
        expectedIdentity: () => 'system',
    },
};

const switchIndex = rotationStepNames.indexOf('switchEncryption');

describe('rotate key: a fault at each step never leaves the registry half-switched', function () {
    this.timeout(240000);
    let w: RotateWorld;

    before(async () => {
        w = await startRotateWorld();
    });
    afterEach(() => w.clearFaults());
    after(() => w?.stop());

    rotationStepNames.forEach((step, index) => {
        it(`fault at ${step}: ${index <= switchIndex ? 'still on the old key' : 'switched, the follow-up is reported'}; a retry succeeds`, async () => {
            const name = `rotfault${index}`;
            const request = await cases[step].scenario(w, name);
            const beforeRegistry = await getRegistry(w.factory, request.registryId);
            const before = beforeRegistry.raw.encryption!.keyVaultProperties!;
            const plan = await planRotation(w.factory, { ...request, consent: allConsent });
            assert.ok(plan.steps.has(step), `the scenario's plan contains ${step}: ${[...plan.steps].join(', ')}`);

            await w.fault(cases[step].fault(w, name));
            const error = await runRotation(w.factory, plan).then(
                () => undefined,
                (e: unknown) => e,
            );
            assert.ok(error instanceof StepFailure, `a structured error, got ${String(error)}`);
            assert.equal(error.params.step, step);
            const now = await getRegistry(w.factory, request.registryId);
            if (index <= switchIndex) {
                assert.equal(error.code, 'RotationStepFailed');
                assert.equal(error.params.keptKey, before.versionedKeyIdentifier, 'the message names the key still in use');
                assert.equal(now.raw.encryption?.keyVaultProperties?.keyIdentifier, before.keyIdentifier, 'still on the old key');
                assert.equal(now.raw.encryption?.keyVaultProperties?.identity, before.identity, 'still with the old identity');
                if (step !== 'reassignIdentity') {
                    assert.equal((await w.keyAccess(request.registryId)).accessible, true, 'the old key still works');
                }
                assert.deepEqual(
                    error.params.completed,
                    rotationStepNames.filter((s, i) => i < index && plan.steps.has(s)),
                );
            } else {
                assert.equal(error.code, 'RotationFollowUpFailed');
                assert.notEqual(
                    now.raw.encryption?.keyVaultProperties?.keyIdentifier + '|' + now.raw.encryption?.keyVaultProperties?.identity,
                    before.keyIdentifier + '|' + before.identity,
                    'the switch happened',
                );
                assert.equal((await w.keyAccess(request.registryId)).accessible, true);
            }

            await w.clearFaults();
            if (index <= switchIndex) {
                const retry = await planRotation(w.factory, { ...request, consent: allConsent });
                const result = await runRotation(w.factory, retry);
                await assertRegistryUses(w, request.registryId, result.after.keyIdentifier, cases[step].expectedIdentity(w));
            } else {
                // The switch is done: the retry runs the same plan from the failed step on.
                const result = await runRotation(w.factory, remainingPlan(plan, step));
                assert.deepEqual(
                    [...result.completed],
                    rotationStepNames.filter((s, i) => i >= index && plan.steps.has(s)),
                );
                await assertRegistryUses(w, request.registryId, result.after.keyIdentifier, cases[step].expectedIdentity(w));
            }
        });
    });

    it('a transient 503 on the switch is retried by the SDK and the rotation succeeds', async () => {
        const registry = await w.newRegistry('rotfaulttransient');
        await w.fault({ ...registryPatch(registry.name), times: 1, action: { status: 503, code: 'ServiceUnavailable', message: 'busy', retryAfter: 0 } });
        const plan = await planRotation(w.factory, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: w.ap.keys.key2! },
            versionless: false,
            identity: { kind: 'keep' },
            consent: allConsent,
        });
        await runRotation(w.factory, plan);
        await assertRegistryUses(w, registry.id, w.ap.keys.key2!, w.granted.clientId!);
    });

    it('an error that is not a step failure (refusal) is a DomainError raised before any change', async () => {
        const registry = await w.newRegistry('rotfaultrefuse');
        const error = await planRotation(w.factory, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: w.firewalled.keys.fwkey! },
            versionless: true,
            identity: { kind: 'keep' },
            consent: allConsent,
        }).then(
            () => undefined,
            (e: unknown) => e,
        );
        assert.ok(error instanceof DomainError && error.code === 'FirewallNeedsSystemIdentity');
    });
});
