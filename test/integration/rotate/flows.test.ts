import * as assert from 'node:assert/strict';
import { enableAutoRotationRequest } from '../../../src/domain/autoRotation/enableAutoRotationRequest';
import { getRotationSchedule } from '../../../src/domain/autoRotation/rotationSchedule';
import { DomainError } from '../../../src/domain/errors';
import { checkRegistryVaultFirewall } from '../../../src/domain/firewall/firewallCheck';
import { firewallPathRequest } from '../../../src/domain/firewall/firewallPathRequest';
import { parseKeyIdentifier } from '../../../src/domain/keys/keyIdentifier';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { planRotation } from '../../../src/domain/rotate/planRotation';
import { runRotation } from '../../../src/domain/rotate/runRotation';
import { useSystemIdentityRequest } from '../../../src/domain/systemIdentity/useSystemIdentityRequest';
import { cliAgreement } from '../cliAgreement/cliAgreement';
import { assertRegistryUses, rotate, type RotationOutcome } from './rotateAssertions';
import { rg, startRotateWorld, type RotateWorld } from './rotateWorld';

const day = 86400000;

describe('system identity, automatic rotation and firewall flows over the emulator (domain)', function () {
    this.timeout(180000);
    let w: RotateWorld;

    before(async () => {
        w = await startRotateWorld();
    });
    after(() => w?.stop());
    // After every flow: key-access accessible and the stock Azure CLI shows what the flow reported.
    const cli = cliAgreement(() => w);

    it("Use System-Assigned Identity: enables, grants, switches, and removes the previous identity's grant when asked", async () => {
        const registry = await w.newRegistry('sysidswitch', { versionless: false });
        // A separate identity whose grant can be removed without touching the shared one.
        const own = await w.setup.msi.userAssignedIdentities.createOrUpdate(rg, 'id-sysid-own', { location: 'eastus' });
        await w.setup.keyVault.vaults.updateAccessPolicy(rg, w.ap.name, 'add', {
            properties: {
                accessPolicies: [
                    { tenantId: w.world.emulator.environment.tenantId, objectId: own.principalId!, permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] } },
                ],
            },
        });
        await w.setup.acr.registries.update(
            rg,
            registry.name,
            {
                identity: { type: 'UserAssigned', userAssignedIdentities: { [w.granted.id!]: {}, [own.id!]: {} } },
                encryption: { keyVaultProperties: { keyIdentifier: w.ap.keys.key1!, identity: own.clientId! } },
            },
            { updateIntervalInMs: 20 },
        );
        const current = await getRegistry(w.factory, registry.id);
        const request = useSystemIdentityRequest(current, { removePreviousIdentityAccess: true });
        const plan = await planRotation(w.factory, request);
        assert.deepEqual([...plan.steps], ['enableSystemIdentity', 'grantAccess', 'switchEncryption', 'removeOldGrant']);
        const result = await runRotation(w.factory, plan);
        const after = await assertRegistryUses(w, registry.id, w.ap.keys.key1!, 'system');
        assert.ok(
            Object.keys(after.raw.identity?.userAssignedIdentities ?? {}).some((id) => id.toLowerCase() === own.id!.toLowerCase()),
            'the user-assigned identity stays on the registry',
        );
        const vault = await w.setup.keyVault.vaults.get(rg, w.ap.name);
        assert.equal(vault.properties.accessPolicies?.find((p) => p.objectId === own.principalId)?.permissions.keys?.length ?? 0, 0, 'its grant is gone');
        assert.ok(
            vault.properties.accessPolicies?.some((p) => p.objectId === after.raw.identity?.principalId),
            'the system identity holds a policy',
        );
        await cli.agreesWith({ request, plan, result });
    });

    it('Use System-Assigned Identity on a registry already using it changes nothing', async () => {
        const registry = await w.newRegistry('sysidalready');
        await runRotation(w.factory, await planRotation(w.factory, useSystemIdentityRequest(registry, { removePreviousIdentityAccess: false })));
        const current = await getRegistry(w.factory, registry.id);
        await assert.rejects(
            planRotation(w.factory, useSystemIdentityRequest(current, { removePreviousIdentityAccess: false })),
            (error: unknown) => error instanceof DomainError && error.code === 'RotationNoChange',
        );
    });

    it('Enable Automatic Rotation: versionless key id and a Key Vault rotation policy; the next rotation is computed', async () => {
        const registry = await w.newRegistry('autorotate', { versionless: false });
        assert.ok(registry.encryption.status === 'enabled' && registry.encryption.rotation === 'manual');
        const request = enableAutoRotationRequest(registry, { rotationPolicy: { rotateEveryDays: 60, notifyDaysBeforeExpiry: 20 } });
        const plan = await planRotation(w.factory, request);
        assert.deepEqual([...plan.steps], ['switchEncryption', 'setRotationPolicy']);
        const result = await runRotation(w.factory, plan);
        await cli.agreesWith({ request, plan, result });
        const after = await assertRegistryUses(w, registry.id, `${w.ap.uri}keys/key1`, w.granted.clientId!);
        assert.ok(after.encryption.status === 'enabled' && after.encryption.rotation === 'automatic');
        const policy = await w.setup.keys(w.ap.uri).getKeyRotationPolicy('key1');
        assert.equal(policy.expiresIn, 'P120D');
        assert.deepEqual(
            policy.lifetimeActions?.map((a) => [a.action.toLowerCase(), a.timeAfterCreate ?? a.timeBeforeExpiry]),
            [
                ['rotate', 'P60D'],
                ['notify', 'P20D'],
            ],
        );
        const schedule = await getRotationSchedule(w.factory, parseKeyIdentifier(`${w.ap.uri}keys/key1`, w.world.cloud));
        const latest = await w.setup.keys(w.ap.uri).getKey('key1');
        assert.equal(schedule.nextRotation?.getTime(), latest.properties.createdOn!.getTime() + 60 * day);
        // Already versionless: a second run only writes the policy.
        const again = await planRotation(w.factory, enableAutoRotationRequest(after, { rotationPolicy: { rotateEveryDays: 30, notifyDaysBeforeExpiry: 7 } }));
        assert.deepEqual([...again.steps], ['setRotationPolicy']);
    });

    it('refuses an invalid rotation policy before any change', async () => {
        const registry = await w.newRegistry('autorotatebad', { versionless: false });
        await assert.rejects(
            planRotation(w.factory, enableAutoRotationRequest(registry, { rotationPolicy: { rotateEveryDays: 3, notifyDaysBeforeExpiry: 7 } })),
            (error: unknown) => error instanceof DomainError && error.code === 'RotationIntervalInvalid',
        );
        await assert.rejects(
            planRotation(w.factory, enableAutoRotationRequest(registry, { rotationPolicy: { rotateEveryDays: 30, notifyDaysBeforeExpiry: 45 } })),
            (error: unknown) => error instanceof DomainError && error.code === 'NotifyBeforeExpiryInvalid' && error.params.maxDays === '30',
        );
        await assertRegistryUses(w, registry.id, w.ap.keys.key1!, w.granted.clientId!);
    });

    it('firewall turned on after creation: detected as broken, repaired by re-applying the key with the system identity', async () => {
        // A vault of its own, so turning its firewall on does not disturb the other tests.
        const vault = await w.setup.keyVault.vaults.createOrUpdate(rg, 'kvrotlatefw', {
            location: 'eastus',
            properties: {
                tenantId: w.world.emulator.environment.tenantId,
                sku: { family: 'A', name: 'standard' },
                enableRbacAuthorization: false,
                enablePurgeProtection: true,
                accessPolicies: [
                    {
                        tenantId: w.world.emulator.environment.tenantId,
                        objectId: w.world.emulator.environment.principalObjectId,
                        permissions: { keys: ['get', 'list', 'create', 'update', 'wrapKey', 'unwrapKey'] },
                    },
                    {
                        tenantId: w.world.emulator.environment.tenantId,
                        objectId: w.granted.principalId!,
                        permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] },
                    },
                ],
            },
        } as never);
        const key = await w.setup.keys(vault.properties.vaultUri!).createRsaKey('latekey', { keySize: 2048 });
        const registry = await w.newRegistry('latefirewall', { keyId: `${vault.properties.vaultUri}keys/latekey` });
        assert.equal((await w.keyAccess(registry.id)).accessible, true);
        await w.setup.keyVault.vaults.update(rg, 'kvrotlatefw', {
            properties: { networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: [{ value: '127.0.0.1' }] } },
        });
        assert.equal((await w.keyAccess(registry.id)).accessible, false, 'the firewall cut the user-assigned identity off');

        const check = await checkRegistryVaultFirewall(w.factory, registry);
        assert.deepEqual([check.firewalled, check.trustedServicesAllowed, check.broken], [true, false, true]);
        await assert.rejects(
            planRotation(w.factory, firewallPathRequest(registry, { enableTrustedServices: false })),
            (error: unknown) => error instanceof DomainError && error.code === 'FirewallNeedsTrustedServices',
        );
        const request = firewallPathRequest(registry, { enableTrustedServices: true });
        const plan = await planRotation(w.factory, request);
        assert.deepEqual([...plan.steps], ['enableSystemIdentity', 'grantAccess', 'enableTrustedServices', 'switchEncryption']);
        const result = await runRotation(w.factory, plan);
        await cli.agreesWith({ request, plan, result });
        const after = await assertRegistryUses(w, registry.id, `${vault.properties.vaultUri}keys/latekey`, 'system');
        assert.equal(after.raw.encryption?.keyVaultProperties?.versionedKeyIdentifier, key.id);
        assert.equal((await checkRegistryVaultFirewall(w.factory, after)).broken, false);
    });

    it('firewall path to another (firewalled) vault with trusted services already allowed', async () => {
        const registry = await w.newRegistry('fwpathother');
        const request = firewallPathRequest(registry, { keyId: w.firewalled.keys.fwkey!, versionless: true, enableTrustedServices: false });
        const plan = await planRotation(w.factory, request);
        assert.deepEqual([...plan.steps], ['enableSystemIdentity', 'grantAccess', 'switchEncryption']);
        const result = await runRotation(w.factory, plan);
        await assertRegistryUses(w, registry.id, `${w.firewalled.uri}keys/fwkey`, 'system');
        await cli.agreesWith({ request, plan, result });
    });

    it('the CLI agreement checks fail when the CLI disagrees: a changed registry, another identity, another version', async function () {
        if (!cli.available) this.skip();
        const registry = await w.newRegistry('clidisagree', { versionless: false });
        let outcome: RotationOutcome | undefined;
        await assert.rejects(
            cli.unchangedBy(registry.id, async () => {
                outcome = await rotate(w, {
                    registryId: registry.id,
                    key: { kind: 'existing', keyId: w.ap.keys.key2! },
                    versionless: false,
                    identity: { kind: 'keep' },
                });
            }),
            /the CLI shows the registry unchanged/,
        );
        await cli.agreesWith(outcome!);
        const { result } = outcome!;
        await assert.rejects(
            cli.agreesWith({
                ...outcome!,
                result: { ...result, before: { ...result.before, identity: w.other.clientId! }, after: { ...result.after, identity: w.other.clientId! } },
            }),
            /identity: CLI .*, expected/,
        );
        await assert.rejects(
            cli.agreesWith({ ...outcome!, result: { ...result, after: { ...result.after, versionedKeyIdentifier: w.ap.keys.key1! } } }),
            /versionedKeyIdentifier: CLI vs the flow/,
        );
    });
});
