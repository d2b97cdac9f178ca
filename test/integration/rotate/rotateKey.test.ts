import * as assert from 'node:assert/strict';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { DomainError, isDomainError } from '../../../src/domain/errors';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { planRotation } from '../../../src/domain/rotate/planRotation';
import { cliAgreement } from '../cliAgreement/cliAgreement';
import { allConsent, assertRegistryUses, rotate, versionOf } from './rotateAssertions';
import { rg, startRotateWorld, type RotateWorld } from './rotateWorld';

const isCode = (code: string) => (error: unknown) => error instanceof DomainError && error.code === code;

describe('rotate key over the emulator (domain)', function () {
    this.timeout(180000);
    let w: RotateWorld;

    before(async () => {
        w = await startRotateWorld();
    });
    after(() => w?.stop());
    // After every branch: key-access accessible and the stock Azure CLI shows what the flow reported.
    const cli = cliAgreement(() => w);

    it('rotates to a new version of the same key, created now (pinned)', async () => {
        const registry = await w.newRegistry('rotsamever', { versionless: false });
        const outcome = await rotate(w, { registryId: registry.id, key: { kind: 'newVersion' }, versionless: false, identity: { kind: 'keep' } });
        const result = outcome.result;
        assert.ok(result.createdVersion);
        assert.notEqual(result.createdVersion, versionOf(w.ap.keys.key1));
        assert.deepEqual([...result.completed], ['createKeyVersion', 'switchEncryption']);
        const after = await assertRegistryUses(w, registry.id, `${w.ap.uri}keys/key1/${result.createdVersion}`, w.granted.clientId!);
        assert.equal(versionOf(after.raw.encryption?.keyVaultProperties?.versionedKeyIdentifier), result.createdVersion);
        assert.ok(after.raw.encryption?.keyVaultProperties?.lastKeyRotationTimestamp, 'rotation time recorded');
        assert.equal(result.before.keyIdentifier, w.ap.keys.key1);
        await cli.agreesWith(outcome);
    });

    it('creates a new version for a versionless registry without a PATCH (ACR follows it within an hour)', async () => {
        const registry = await w.newRegistry('rotsameverless', { versionless: true });
        const { lastSeq } = await w.world.requests();
        const outcome = await rotate(w, { registryId: registry.id, key: { kind: 'newVersion' }, versionless: true, identity: { kind: 'keep' } });
        const result = outcome.result;
        assert.deepEqual([...result.completed], ['createKeyVersion']);
        const { requests } = await w.world.requests(lastSeq);
        assert.deepEqual(
            requests.filter((r) => r.method === 'PATCH'),
            [],
            'no registry PATCH',
        );
        await assertRegistryUses(w, registry.id, `${w.ap.uri}keys/key1`, w.granted.clientId!);
        const latest = await w.setup.keys(w.ap.uri).getKey('key1');
        assert.equal(latest.properties.version, result.createdVersion);
        await cli.agreesWith(outcome);
    });

    it('rotates to another key in the same vault, and switches versioned ↔ versionless', async () => {
        const registry = await w.newRegistry('rototherkey', { versionless: false });
        await cli.agreesWith(
            await rotate(w, {
                registryId: registry.id,
                key: { kind: 'existing', keyId: `${w.ap.uri}keys/key2` },
                versionless: false,
                identity: { kind: 'keep' },
            }),
        );
        await assertRegistryUses(w, registry.id, w.ap.keys.key2!, w.granted.clientId!);
        await cli.agreesWith(
            await rotate(w, { registryId: registry.id, key: { kind: 'existing', keyId: w.ap.keys.key2! }, versionless: true, identity: { kind: 'keep' } }),
        );
        const versionless = await assertRegistryUses(w, registry.id, `${w.ap.uri}keys/key2`, w.granted.clientId!);
        assert.ok(versionless.encryption.status === 'enabled' && versionless.encryption.rotation === 'automatic');
        await cli.agreesWith(
            await rotate(w, {
                registryId: registry.id,
                key: { kind: 'existing', keyId: `${w.ap.uri}keys/key2` },
                versionless: false,
                identity: { kind: 'keep' },
            }),
        );
        const pinned = await assertRegistryUses(w, registry.id, w.ap.keys.key2!, w.granted.clientId!);
        assert.ok(pinned.encryption.status === 'enabled' && pinned.encryption.rotation === 'manual');
    });

    it('rotates to a key in a vault of another subscription, granting the identity there first', async () => {
        const registry = await w.newRegistry('rototherSub'.toLowerCase());
        await assert.rejects(
            planRotation(w.factory, {
                registryId: registry.id,
                key: { kind: 'existing', keyId: w.otherSub.keys.farkey! },
                versionless: true,
                identity: { kind: 'keep' },
                consent: allConsent,
            }),
            isCode('VaultNotFoundForKey'),
            'the other subscription is searched only when selected',
        );
        const plan = await planRotation(w.factory, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: w.otherSub.keys.farkey! },
            versionless: true,
            identity: { kind: 'keep' },
            consent: allConsent,
            subscriptionIds: [w.subscriptionA, w.subscriptionB],
        });
        assert.deepEqual([...plan.steps].sort(), ['grantAccess', 'switchEncryption']);
        assert.equal(plan.vault.subscriptionId, w.subscriptionB);
        const outcome = await rotate(w, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: w.otherSub.keys.farkey! },
            versionless: true,
            identity: { kind: 'keep' },
            subscriptionIds: [w.subscriptionA, w.subscriptionB],
        });
        assert.equal(outcome.result.grantCreated, true);
        await assertRegistryUses(w, registry.id, `${w.otherSub.uri}keys/farkey`, w.granted.clientId!);
        const vault = await w.setupB.keyVault.vaults.get(rg, w.otherSub.name);
        const policy = vault.properties.accessPolicies?.find((p) => p.objectId === w.granted.principalId);
        assert.deepEqual([...(policy?.permissions.keys ?? [])].sort(), ['get', 'unwrapKey', 'wrapKey'], 'exactly get/wrapKey/unwrapKey');
        await cli.agreesWith(outcome);
    });

    it('refuses a grant without consent and changes nothing', async () => {
        const registry = await w.newRegistry('rotnoconsent');
        // Nothing grants the other identity on the other subscription's vault in this suite.
        await assert.rejects(
            planRotation(w.factory, {
                registryId: registry.id,
                key: { kind: 'existing', keyId: w.otherSub.keys.farkey! },
                versionless: true,
                identity: { kind: 'user', resourceId: w.other.id! },
                consent: { ...allConsent, grantAccess: false },
                subscriptionIds: [w.subscriptionA, w.subscriptionB],
            }),
            (error: unknown) => isDomainError(error, 'RotationChangeDeclined') && error.params.step === 'grantAccess',
        );
        await assertRegistryUses(w, registry.id, `${w.ap.uri}keys/key1`, w.granted.clientId!);
    });

    it('switches to another user-assigned identity: assigns it to the registry and grants it first', async () => {
        const registry = await w.newRegistry('rotuseruser');
        const plan = await planRotation(w.factory, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: `${w.ap.uri}keys/key1` },
            versionless: true,
            identity: { kind: 'user', resourceId: w.other.id! },
            consent: allConsent,
        });
        assert.deepEqual([...plan.steps], ['assignIdentity', 'grantAccess', 'switchEncryption']);
        const outcome = await rotate(w, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: `${w.ap.uri}keys/key1` },
            versionless: true,
            identity: { kind: 'user', resourceId: w.other.id! },
        });
        const after = await assertRegistryUses(w, registry.id, `${w.ap.uri}keys/key1`, w.other.clientId!);
        assert.equal(Object.keys(after.raw.identity?.userAssignedIdentities ?? {}).length, 2, 'the previous identity stays assigned');
        await cli.agreesWith(outcome);
    });

    it('switches a user-assigned registry to the system identity, enabling it first', async () => {
        const registry = await w.newRegistry('rotusersystem');
        const plan = await planRotation(w.factory, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: `${w.ap.uri}keys/key1` },
            versionless: true,
            identity: { kind: 'system' },
            consent: allConsent,
        });
        assert.deepEqual([...plan.steps], ['enableSystemIdentity', 'grantAccess', 'switchEncryption']);
        const outcome = await rotate(w, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: `${w.ap.uri}keys/key1` },
            versionless: true,
            identity: { kind: 'system' },
        });
        const after = await assertRegistryUses(w, registry.id, `${w.ap.uri}keys/key1`, 'system');
        assert.match(after.raw.identity?.type ?? '', /SystemAssigned/i);
        assert.match(after.raw.identity?.type ?? '', /UserAssigned/i, 'user-assigned identity kept');
        await cli.agreesWith(outcome);
    });

    it('uses the RBAC role on an RBAC vault (none needed for a granted identity, one assignment for another)', async () => {
        const registry = await w.newRegistry('rotrbac');
        const plan = await planRotation(w.factory, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: w.rbac.keys.rbkey! },
            versionless: false,
            identity: { kind: 'keep' },
            consent: allConsent,
        });
        assert.deepEqual([...plan.steps], ['switchEncryption'], 'the granted identity already holds the role');
        const outcome = await rotate(w, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: w.rbac.keys.rbkey! },
            versionless: false,
            identity: { kind: 'user', resourceId: w.other.id! },
        });
        await assertRegistryUses(w, registry.id, w.rbac.keys.rbkey!, w.other.clientId!);
        await cli.agreesWith(outcome);
        const assignments = [];
        for await (const a of w.setup.authorization.roleAssignments.listForScope(w.rbac.id, { filter: `principalId eq '${w.other.principalId}'` })) {
            assignments.push(a);
        }
        assert.equal(assignments.length, 1);
        assert.match(assignments[0]!.roleDefinitionId!, /e147488a-f6f5-4113-8e2d-b22465e65bf6$/);
        assert.equal(assignments[0]!.scope?.toLowerCase(), w.rbac.id.toLowerCase());
        const vault = await w.setup.keyVault.vaults.get(rg, w.rbac.name);
        assert.equal(vault.properties.accessPolicies?.length ?? 0, 0, 'no access policy on an RBAC vault');
    });

    it('refuses a registry without a customer-managed key, sending no change', async () => {
        const plain = await w.setup.acr.registries.create(rg, 'rotplainreg', { location: 'eastus', sku: { name: 'Premium' } }, { updateIntervalInMs: 20 });
        const { lastSeq } = await w.world.requests();
        await cli.unchangedBy(plain.id!, () =>
            assert.rejects(
                planRotation(w.factory, {
                    registryId: plain.id!,
                    key: { kind: 'newVersion' },
                    versionless: true,
                    identity: { kind: 'keep' },
                    consent: allConsent,
                }),
                isCode('RegistryNotCmk'),
            ),
        );
        const { requests } = await w.world.requests(lastSeq);
        assert.deepEqual(
            requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/_emulator') && !r.path.includes('oauth2')).map((r) => `${r.method} ${r.path}`),
            [],
        );
    });

    it('detects a removed encryption identity, explains it, and re-assigns it first with consent', async () => {
        const registry = await w.newRegistry('rotremovedid');
        // Add another identity, then remove the one encryption uses: the field pitfall.
        await w.setup.acr.registries.update(
            rg,
            registry.name,
            { identity: { type: 'UserAssigned', userAssignedIdentities: { [w.other.id!]: {} } } },
            { updateIntervalInMs: 20 },
        );
        await w.setup.acr.registries.update(
            rg,
            registry.name,
            { identity: { type: 'UserAssigned', userAssignedIdentities: { [w.granted.id!]: null as never } } },
            { updateIntervalInMs: 20 },
        );
        const broken = await getRegistry(w.factory, registry.id);
        assert.ok(broken.encryption.status === 'enabled' && broken.encryption.identity?.kind === 'unassigned');
        const request = { registryId: registry.id, key: { kind: 'newVersion' as const }, versionless: false, identity: { kind: 'keep' as const } };
        await cli.unchangedBy(registry.id, () =>
            assert.rejects(
                planRotation(w.factory, { ...request, consent: { ...allConsent, reassignRemovedIdentity: false } }),
                (error: unknown) => isDomainError(error, 'EncryptionIdentityRemoved') && error.params.clientId === w.granted.clientId,
            ),
        );
        const outcome = await rotate(w, request);
        assert.deepEqual([...outcome.result.completed], ['reassignIdentity', 'createKeyVersion', 'switchEncryption']);
        await assertRegistryUses(w, registry.id, `${w.ap.uri}keys/key1/${outcome.result.createdVersion}`, w.granted.clientId!);
        await cli.agreesWith(outcome);
    });

    it('firewalled vault with trusted services: refuses a user-assigned identity, rotates with the system identity', async () => {
        const registry = await w.newRegistry('rotfwtrusted');
        await assert.rejects(
            planRotation(w.factory, {
                registryId: registry.id,
                key: { kind: 'existing', keyId: w.firewalled.keys.fwkey! },
                versionless: true,
                identity: { kind: 'keep' },
                consent: allConsent,
            }),
            isCode('FirewallNeedsSystemIdentity'),
        );
        const outcome = await rotate(w, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: w.firewalled.keys.fwkey! },
            versionless: true,
            identity: { kind: 'system' },
        });
        assert.deepEqual([...outcome.result.completed], ['enableSystemIdentity', 'grantAccess', 'switchEncryption']);
        await assertRegistryUses(w, registry.id, `${w.firewalled.uri}keys/fwkey`, 'system');
        await cli.agreesWith(outcome);
    });

    it('firewalled vault without trusted services: refused without consent, turns on the bypass with consent', async () => {
        const registry = await w.newRegistry('rotfwnobypass');
        const request = {
            registryId: registry.id,
            key: { kind: 'existing' as const, keyId: w.firewalledNoBypass.keys.fwkey! },
            versionless: true,
            identity: { kind: 'system' as const },
        };
        await assert.rejects(
            planRotation(w.factory, { ...request, consent: { ...allConsent, enableTrustedServices: false } }),
            isCode('FirewallNeedsTrustedServices'),
        );
        const outcome = await rotate(w, request);
        assert.deepEqual([...outcome.result.completed], ['enableSystemIdentity', 'grantAccess', 'enableTrustedServices', 'switchEncryption']);
        await assertRegistryUses(w, registry.id, `${w.firewalledNoBypass.uri}keys/fwkey`, 'system');
        await cli.agreesWith(outcome);
        const vault = await w.setup.keyVault.vaults.get(rg, w.firewalledNoBypass.name);
        assert.equal(vault.properties.networkAcls?.bypass, 'AzureServices');
        assert.equal(vault.properties.networkAcls?.defaultAction, 'Deny', 'the firewall stays on');
        assert.deepEqual(
            vault.properties.networkAcls?.ipRules?.map((r) => r.value),
            ['127.0.0.1'],
            'its rules are kept',
        );
    });

    it('sends minimal PATCH bodies (only keyVaultProperties / identity)', async () => {
        const registry = await w.newRegistry('rotminimal');
        const bodies: unknown[] = [];
        const client = await w.factory.containerRegistry(w.subscriptionA);
        const policy: PipelinePolicy = {
            name: 'captureRegistryPatch',
            sendRequest: (request, next) => {
                if (request.method === 'PATCH') bodies.push(JSON.parse(String(request.body)));
                return next(request);
            },
        };
        client.pipeline.addPolicy(policy);
        try {
            await rotate(w, {
                registryId: registry.id,
                key: { kind: 'existing', keyId: `${w.ap.uri}keys/key1` },
                versionless: true,
                identity: { kind: 'user', resourceId: w.other.id! },
            });
        } finally {
            client.pipeline.removePolicy({ name: policy.name });
        }
        assert.deepEqual(bodies, [
            { identity: { type: 'UserAssigned', userAssignedIdentities: { [w.granted.id!]: {}, [w.other.id!]: {} } } },
            { properties: { encryption: { keyVaultProperties: { keyIdentifier: `${w.ap.uri}keys/key1`, identity: w.other.clientId } } } },
        ]);
    });
});
