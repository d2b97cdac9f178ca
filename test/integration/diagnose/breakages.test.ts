import * as assert from 'node:assert/strict';
import type { RegistryUpdateParameters } from '@azure/arm-containerregistry';
import { getVault } from '../../../src/domain/access/getVault';
import { cryptoServiceEncryptionUserRoleId } from '../../../src/domain/access/roles';
import { applyFix } from '../../../src/domain/diagnose/applyFix';
import { DiagnosisCache } from '../../../src/domain/diagnose/DiagnosisCache';
import { diagnoseRegistry } from '../../../src/domain/diagnose/diagnoseRegistry';
import type { FindingCode, KeyAccessFix, RegistryDiagnosis } from '../../../src/domain/diagnose/Finding';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { startSeededWorld, type SeededSetup, type SeededWorld } from './seededWorld';
import { adminCaller } from '../access/emulatorAdmin';

interface Breakage {
    readonly title: string;
    readonly setup: SeededSetup;
    readonly cause: FindingCode;
    readonly fix: KeyAccessFix['kind'];
    break(world: SeededWorld, registry: RegistrySummary): Promise<void>;
}

const keyOf = (registry: RegistrySummary) => {
    const state = registry.encryption;
    assert.ok(state.status === 'enabled' && state.key, `${registry.name} is a CMK registry`);
    return { key: state.key, version: state.currentVersion ?? '' };
};
const vaultOf = async (world: SeededWorld, registry: RegistrySummary) => {
    const { key } = keyOf(registry);
    const client = await world.factory.resources(world.subscriptionIds[0]!);
    for await (const resource of client.resources.list({ filter: "resourceType eq 'Microsoft.KeyVault/vaults'" })) {
        if (resource.name === key.vaultName) {
            return getVault(world.factory, resource.id ?? '');
        }
    }
    throw new Error(`vault ${key.vaultName} not found`);
};
const principalOf = (registry: RegistrySummary) => {
    const state = registry.encryption;
    assert.ok(state.status === 'enabled' && state.identity && 'principalId' in state.identity && state.identity.principalId);
    return state.identity.principalId;
};
const patchRegistry = async (world: SeededWorld, registry: RegistrySummary, body: RegistryUpdateParameters) =>
    (await world.factory.containerRegistry(registry.subscriptionId)).registries.update(registry.resourceGroup, registry.name, body, { updateIntervalInMs: 20 });
const setFirewall = async (world: SeededWorld, registry: RegistrySummary, bypass: 'AzureServices' | 'None') => {
    const vault = await vaultOf(world, registry);
    const client = await world.factory.keyVaultManagement(vault.subscriptionId);
    // The test's own address stays allowed, as an administrator would keep theirs: only the registry is locked out.
    await client.vaults.update(vault.resourceGroup, vault.name, {
        properties: { networkAcls: { defaultAction: 'Deny', bypass, ipRules: [{ value: '127.0.0.1' }] } },
    });
};

/** Every way to break a registry's access to its key, as an administrator (or an accident) would, through the real SDKs. */
const breakages: Breakage[] = [
    {
        title: 'access policy removed',
        setup: 'policyUser',
        cause: 'accessPolicyMissing',
        fix: 'grantAccess',
        async break(world, registry) {
            const vault = await vaultOf(world, registry);
            await (
                await world.factory.keyVaultManagement(vault.subscriptionId)
            ).vaults.updateAccessPolicy(vault.resourceGroup, vault.name, 'remove', {
                properties: {
                    accessPolicies: [{ tenantId: vault.tenantId, objectId: principalOf(registry), permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] } }],
                },
            });
        },
    },
    {
        title: 'role assignment removed',
        setup: 'rbacUser',
        cause: 'roleMissing',
        fix: 'grantAccess',
        async break(world, registry) {
            const vault = await vaultOf(world, registry);
            const client = await world.factory.authorization(vault.subscriptionId);
            let removed = 0;
            for await (const assignment of client.roleAssignments.listForScope(vault.id, { filter: `principalId eq '${principalOf(registry)}'` })) {
                if (assignment.roleDefinitionId?.endsWith(cryptoServiceEncryptionUserRoleId)) {
                    await client.roleAssignments.deleteById(assignment.id ?? '');
                    removed += 1;
                }
            }
            assert.ok(removed > 0, 'a role assignment was removed');
        },
    },
    {
        title: 'key disabled',
        setup: 'policyUser',
        cause: 'keyDisabled',
        fix: 'enableKeyVersion',
        async break(world, registry) {
            const { key, version } = keyOf(registry);
            await (await world.factory.keys(key.vaultUrl)).updateKeyProperties(key.keyName, version, { enabled: false });
        },
    },
    {
        title: 'key deleted',
        setup: 'policyUser',
        cause: 'keySoftDeleted',
        fix: 'recoverKey',
        async break(world, registry) {
            const { key } = keyOf(registry);
            await (await (await world.factory.keys(key.vaultUrl)).beginDeleteKey(key.keyName, { intervalInMs: 20 })).pollUntilDone();
        },
    },
    {
        title: 'key expired',
        setup: 'rbacUser',
        cause: 'keyExpired',
        fix: 'extendKeyExpiry',
        async break(world, registry) {
            const { key, version } = keyOf(registry);
            await (await world.factory.keys(key.vaultUrl)).updateKeyProperties(key.keyName, version, { expiresOn: new Date(Date.now() - 60_000) });
        },
    },
    {
        title: 'identity removed from the registry, three months on',
        setup: 'policyUser',
        cause: 'identityNotAssigned',
        fix: 'reassignIdentity',
        async break(world, registry) {
            await patchRegistry(world, registry, { identity: { type: 'None' } });
            // A removed identity keeps working for about three months (troubleshooting page): let the emulator's clock get there.
            await adminCaller(world.world.emulator.environment.adminEndpoint, world.world.cloud.caCertificate ?? '')('POST', 'clock', { advance: 'P91D' });
        },
    },
    {
        title: 'firewall on without trusted services',
        setup: 'firewallSystem',
        cause: 'firewallNoTrustedServices',
        fix: 'allowTrustedServices',
        break: (world, registry) => setFirewall(world, registry, 'None'),
    },
    {
        title: 'firewall on with a user-assigned identity',
        setup: 'policyUser',
        cause: 'firewallUserIdentity',
        fix: 'switchToSystemIdentity',
        break: (world, registry) => setFirewall(world, registry, 'AzureServices'),
    },
];

describe('Diagnose names each broken link and its fix restores access (emulator)', function () {
    this.timeout(120000);
    let world: SeededWorld;

    before(async () => {
        world = await startSeededWorld();
    });
    after(() => world?.world.stop());

    const diagnose = async (registryId: string): Promise<RegistryDiagnosis> =>
        diagnoseRegistry(world.factory, await getRegistry(world.factory, registryId), new DiagnosisCache(world.subscriptionIds));

    it('finds nothing wrong on the healthy seeded registries', async () => {
        await world.reset();
        for (const registry of await world.registries()) {
            const diagnosis = await diagnose(registry.id);
            const problems = diagnosis.findings.filter((f) => f.status === 'error' || f.status === 'warning' || f.status === 'unknown');
            assert.deepEqual(problems, [], `${registry.name}: ${JSON.stringify(problems)}`);
            assert.equal((await world.admin.keyAccess(registry.id)).accessible, true);
        }
    });

    for (const breakage of breakages) {
        it(`${breakage.title}: Diagnose says ${breakage.cause}, fix "${breakage.fix}" restores access`, async () => {
            await world.reset();
            const registry = await world.registryWith(breakage.setup);
            assert.equal((await world.admin.keyAccess(registry.id)).accessible, true, 'accessible before the breakage');
            await breakage.break(world, registry);
            const broken = await world.admin.keyAccess(registry.id);
            assert.equal(broken.accessible, false, `not accessible after "${breakage.title}"`);

            const diagnosis = await diagnose(registry.id);
            assert.equal(diagnosis.status, 'error');
            const cause = diagnosis.findings.find((f) => f.code === breakage.cause);
            assert.ok(cause, `finding ${breakage.cause} in ${JSON.stringify(diagnosis.findings.map((f) => `${f.check}:${f.status}:${f.code}`))}`);
            assert.equal(cause.status, 'error');
            assert.equal(cause.fix?.kind, breakage.fix);
            const errors = diagnosis.findings.filter((f) => f.status === 'error').map((f) => f.code);
            // The registry's data read confirms it: ACR refuses to serve it (403 DENIED), the one other error.
            assert.deepEqual(errors, [breakage.cause, 'dataDenied'], 'the breakage is the only cause; the data read shows its effect');

            await applyFix(world.factory, cause.fix, world.subscriptionIds);
            const after = await world.admin.keyAccess(registry.id);
            assert.equal(after.accessible, true, `accessible after the fix: ${after.reason}`);
            const healed = await diagnose(registry.id);
            assert.deepEqual(
                healed.findings.filter((f) => f.status === 'error'),
                [],
                'Diagnose finds no error after the fix',
            );
        });
    }
});
