// Enable Automatic Rotation on an access-policy vault where the signed-in user may create and read keys but lacks the
// rotation-policy permissions (what a vault made by Create looks like): the plan finds it before any change and asks;
// declined, nothing changes; with consent, exactly getrotationpolicy + setrotationpolicy are added to the user's own
// policy, then the registry switches and the policy is written.
import * as assert from 'node:assert/strict';
import { enableAutoRotationRequest } from '../../../src/domain/autoRotation/enableAutoRotationRequest';
import { DomainError } from '../../../src/domain/errors';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { planRotation } from '../../../src/domain/rotate/planRotation';
import { runRotation } from '../../../src/domain/rotate/runRotation';
import { createVault } from '../emulator/clients';
import { grantPolicy } from '../emulator/cmkFixture';
import { rg, startRotateWorld, type RotateWorld } from '../rotate/rotateWorld';

const policy = { rotateEveryDays: 45, notifyDaysBeforeExpiry: 14 };
const createRights = ['get', 'list', 'create', 'update'];

describe('Enable Automatic Rotation without the rotation-policy permissions (access-policy vault)', function () {
    this.timeout(120000);
    let w: RotateWorld;
    let vaultUri: string;
    let keyId: string;
    const vaultName = 'kvpolicyrights';

    before(async () => {
        w = await startRotateWorld();
        const emu = w.world.emulator;
        const sp = emu.environment.principalObjectId;
        const vault = await createVault(w.setup, emu, rg, vaultName, {
            enablePurgeProtection: true,
            accessPolicies: [{ tenantId: emu.environment.tenantId, objectId: sp, permissions: { keys: createRights } }],
        });
        vaultUri = vault.properties.vaultUri!;
        keyId = (await w.setup.keys(vaultUri).createRsaKey('pkey', { keySize: 2048 })).id!;
        await grantPolicy(w.setup, emu, rg, vaultName, w.granted.principalId!);
    });
    after(async () => w?.stop());

    const callerKeyPermissions = async () => {
        const vault = await w.setup.keyVault.vaults.get(rg, vaultName);
        const sp = w.world.emulator.environment.principalObjectId.toLowerCase();
        const own = vault.properties.accessPolicies?.find((p) => p.objectId.toLowerCase() === sp);
        return [...(own?.permissions.keys ?? [])].map((k) => String(k).toLowerCase()).sort();
    };

    it('asks before any change; declined, the registry, the vault and the key are as they were', async () => {
        const registry = await w.newRegistry('policyrightsno', { keyId, versionless: false });
        await assert.rejects(
            planRotation(w.factory, enableAutoRotationRequest(registry, { rotationPolicy: policy })),
            (error: unknown) => error instanceof DomainError && error.code === 'RotationChangeDeclined' && error.params.step === 'grantPolicyRights',
        );
        const after = await getRegistry(w.factory, registry.id);
        assert.equal(after.raw.encryption?.keyVaultProperties?.keyIdentifier, keyId, 'still pinned to the same version');
        assert.deepEqual(await callerKeyPermissions(), [...createRights].sort());
        await assert.rejects(w.setup.keys(vaultUri).getKeyRotationPolicy('pkey'), (error: { statusCode?: number }) => error.statusCode === 403);
    });

    it('with consent adds exactly the two permissions first, then switches and writes the policy', async () => {
        const registry = await w.newRegistry('policyrightsyes', { keyId, versionless: false });
        const plan = await planRotation(w.factory, enableAutoRotationRequest(registry, { rotationPolicy: policy, consent: { grantPolicyRights: true } }));
        assert.deepEqual([...plan.steps], ['grantPolicyRights', 'switchEncryption', 'setRotationPolicy']);
        assert.deepEqual([...(plan.policyRights?.missing ?? [])].sort(), ['getrotationpolicy', 'setrotationpolicy']);
        await runRotation(w.factory, plan);
        assert.deepEqual(await callerKeyPermissions(), [...createRights, 'getrotationpolicy', 'setrotationpolicy'].sort());
        const after = await getRegistry(w.factory, registry.id);
        assert.equal(after.raw.encryption?.keyVaultProperties?.keyIdentifier, `${vaultUri}keys/pkey`);
        const written = await w.setup.keys(vaultUri).getKeyRotationPolicy('pkey');
        assert.deepEqual(
            written.lifetimeActions?.map((a) => [a.action.toLowerCase(), a.timeAfterCreate ?? a.timeBeforeExpiry]),
            [
                ['rotate', 'P45D'],
                ['notify', 'P14D'],
            ],
        );
        assert.equal((await w.keyAccess(registry.id)).accessible, true);
    });

    it('once the permissions are there, the plan asks nothing more', async () => {
        const registry = await getRegistry(w.factory, (await w.newRegistry('policyrightsagain', { keyId, versionless: false })).id);
        const plan = await planRotation(w.factory, enableAutoRotationRequest(registry, { rotationPolicy: policy }));
        assert.deepEqual([...plan.steps], ['switchEncryption', 'setRotationPolicy']);
    });
});
