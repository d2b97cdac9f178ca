import * as assert from 'node:assert/strict';
import { callerObjectId } from '../../../src/domain/access/callerObjectId';
import { cryptoServiceEncryptionUserRoleId } from '../../../src/domain/access/roles';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { executeCreate } from '../../../src/domain/create/executeCreate';
import { preflightCreate } from '../../../src/domain/create/preflight';
import type { AnyDomainError } from '../../../src/domain/errors';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import type { EmulatorWorld } from '../domain/emulatorWorld';
import { makeGroup, makeIdentity, makeVault, startAccessWorld } from '../access/accessFixture';
import { emulatorAdmin, policiesOf, rolesOf } from '../access/emulatorAdmin';
import { allNewPlan, uniqueSuffix } from './createFixture';

const allKeyRights = ['get', 'list', 'create', 'update', 'delete', 'recover', 'purge'];

describe('create encrypted registry: existing identity, vault and key', function () {
    this.timeout(120000);
    let world: EmulatorWorld;
    let factory: AzureClientFactory;
    let subscriptionId: string;
    let admin: ReturnType<typeof emulatorAdmin>;
    let caller: string;
    const group = 'rg-existing';

    before(async () => {
        ({ world, factory, subscriptionId } = await startAccessWorld());
        admin = emulatorAdmin(world);
        caller = await callerObjectId(factory.connection);
        await makeGroup(factory, subscriptionId, group);
    });
    after(() => world?.stop());

    /** A vault the user already had, where the user holds key rights (as in the seed's walkthrough). */
    async function existingVault(name: string, properties: Record<string, unknown> = {}) {
        const tenantId = factory.cloud.tenantId ?? '';
        const id = await makeVault(factory, subscriptionId, group, name, {
            accessPolicies: [{ tenantId, objectId: caller, permissions: { keys: allKeyRights } }],
            ...properties,
        });
        return { id, uri: `https://${name}.${factory.cloud.keyVaultDnsSuffix}` };
    }

    it("uses the existing identity, vault and key; adds only the identity's get/wrapKey/unwrapKey; touches nothing of the caller", async () => {
        const s = uniqueSuffix();
        const identity = await makeIdentity(factory, subscriptionId, group, `id-old-${s}`);
        const vault = await existingVault(`kv-old-${s}`);
        const key = await (await factory.keys(vault.uri)).createRsaKey(`key-old-${s}`, { keySize: 2048 });
        const plan = allNewPlan(subscriptionId, {
            resourceGroup: { name: group, create: false },
            identity: { kind: 'existing', id: identity.id },
            vault: { kind: 'existing', id: vault.id },
            key: { kind: 'existing', name: key.name, version: key.properties.version },
            versionless: false,
        });
        await preflightCreate(factory, plan);
        const result = await executeCreate(factory, plan);
        assert.equal(result.keyIdentifier, key.id);
        assert.equal(result.identityClientId, identity.clientId);
        assert.equal((await admin.keyAccess(result.registryId)).accessible, true);
        const state = await admin.state();
        assert.deepEqual(policiesOf(state, vault.id), {
            [caller.toLowerCase()]: [...allKeyRights].sort(),
            [identity.principalId.toLowerCase()]: ['get', 'unwrapKey', 'wrapKey'],
        });
        assert.deepEqual(rolesOf(state, caller), []);
        assert.equal(result.state.identity?.createdByRun, false);
        assert.equal(result.state.vault?.createdByRun, false);
        assert.equal(result.state.key?.createdByRun, false);
        assert.equal(result.state.keyManagementGrant, undefined, 'no rights for the caller on a vault it did not create');
    });

    it('an identity that already has access gets nothing more (grant kind none)', async () => {
        const s = uniqueSuffix();
        const identity = await makeIdentity(factory, subscriptionId, group, `id-has-${s}`);
        const tenantId = factory.cloud.tenantId ?? '';
        const vault = await existingVault(`kv-has-${s}`);
        await (
            await factory.keyVaultManagement(subscriptionId)
        ).vaults.updateAccessPolicy(group, `kv-has-${s}`, 'add', {
            properties: { accessPolicies: [{ tenantId, objectId: identity.principalId, permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] } }] },
        });
        const key = await (await factory.keys(vault.uri)).createRsaKey(`key-has-${s}`, { keySize: 2048 });
        const result = await executeCreate(
            factory,
            allNewPlan(subscriptionId, {
                resourceGroup: { name: group, create: false },
                identity: { kind: 'existing', id: identity.id },
                vault: { kind: 'existing', id: vault.id },
                key: { kind: 'existing', name: key.name },
            }),
        );
        assert.deepEqual(result.state.encryptionGrant, { kind: 'none' });
        assert.equal((await admin.keyAccess(result.registryId)).accessible, true);
    });

    it('RBAC vault: assigns only the crypto service encryption user role at vault scope, no access policy', async () => {
        const s = uniqueSuffix();
        const vault = await existingVault(`kv-rb-${s}`, { enableRbacAuthorization: true });
        const officer = `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/14b46e9e-c2b7-41b4-b07b-48a6ebf60603`;
        await (
            await factory.authorization(subscriptionId)
        ).roleAssignments.create(vault.id, '3d1c1f0e-0000-4000-8000-00000000000a', { roleDefinitionId: officer, principalId: caller });
        const key = await (await factory.keys(vault.uri)).createRsaKey(`key-rb-${s}`, { keySize: 2048 });
        const plan = allNewPlan(subscriptionId, { vault: { kind: 'existing', id: vault.id }, key: { kind: 'existing', name: key.name } });
        await preflightCreate(factory, plan);
        const result = await executeCreate(factory, plan);
        assert.equal(result.state.encryptionGrant?.kind, 'roleAssignment');
        const state = await admin.state();
        assert.deepEqual(rolesOf(state, result.state.identity!.principalId), [{ role: cryptoServiceEncryptionUserRoleId, scope: vault.id.toLowerCase() }]);
        assert.deepEqual(Object.keys(policiesOf(state, vault.id)), [caller.toLowerCase()], 'no policy for the identity');
        assert.equal((await admin.keyAccess(result.registryId)).accessible, true);
    });

    it('new RBAC vault: the caller gets Key Vault Crypto Officer on it, the identity the encryption user role', async () => {
        const plan = allNewPlan(subscriptionId);
        const rbacPlan = { ...plan, vault: { ...(plan.vault as { kind: 'new'; name: string }), permissionModel: 'rbac' as const } };
        const result = await executeCreate(factory, rbacPlan, { grantPropagationPollMs: 50, grantPropagationTimeoutMs: 2000 });
        const state = await admin.state();
        const vaultId = result.state.vault!.info.id.toLowerCase();
        assert.deepEqual(
            rolesOf(state, caller).filter((r) => r.scope === vaultId),
            [{ role: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603', scope: vaultId }],
        );
        assert.deepEqual(rolesOf(state, result.state.identity!.principalId), [{ role: cryptoServiceEncryptionUserRoleId, scope: vaultId }]);
        assert.deepEqual(policiesOf(state, vaultId), {});
        assert.equal((await admin.keyAccess(result.registryId)).accessible, true);
    });

    it('vault without purge protection: refused unless the user agrees; with agreement purge protection is turned on', async () => {
        const s = uniqueSuffix();
        const vault = await existingVault(`kv-pp-${s}`, { enablePurgeProtection: false });
        const key = await (await factory.keys(vault.uri)).createRsaKey(`key-pp-${s}`, { keySize: 2048 });
        const base = allNewPlan(subscriptionId, { vault: { kind: 'existing', id: vault.id }, key: { kind: 'existing', name: key.name } });
        const { lastSeq } = await admin.requests();
        await assert.rejects(preflightCreate(factory, base), (e: AnyDomainError) => e.code === 'VaultPurgeProtectionDeclined');
        const writes = (await admin.requests(lastSeq)).requests.filter((r) => r.method !== 'GET' && r.method !== 'POST' && !r.path.startsWith('/_emulator'));
        assert.deepEqual(writes, [], 'a refused plan changes nothing');
        await assert.rejects(executeCreate(factory, base), (e: AnyDomainError) => e.code === 'CreateStepFailed' && e.params.step === 'vaultProtection');

        const agreed = { ...base, vault: { kind: 'existing' as const, id: vault.id, enablePurgeProtection: true } };
        await preflightCreate(factory, agreed);
        const result = await executeCreate(factory, agreed);
        assert.equal(result.state.purgeProtectionEnabledByRun, true);
        assert.equal((await admin.state()).vaults[vault.id.toLowerCase()]!.properties.enablePurgeProtection, true);
        assert.equal((await admin.keyAccess(result.registryId)).accessible, true);
    });

    it('refuses an EC key, a firewalled vault and an HSM key on a standard vault before any change', async () => {
        const s = uniqueSuffix();
        const vault = await existingVault(`kv-ec-${s}`);
        const ec = await (await factory.keys(vault.uri)).createEcKey(`key-ec-${s}`, { curve: 'P-256' });
        await assert.rejects(
            preflightCreate(factory, allNewPlan(subscriptionId, { vault: { kind: 'existing', id: vault.id }, key: { kind: 'existing', name: ec.name } })),
            (e: AnyDomainError) => e.code === 'KeyTypeNotSupported' && e.params.keyType === 'EC',
        );
        await assert.rejects(
            preflightCreate(
                factory,
                allNewPlan(subscriptionId, { vault: { kind: 'existing', id: vault.id }, key: { kind: 'new', name: 'hsm', keyType: 'RSA-HSM' } }),
            ),
            (e: AnyDomainError) => e.code === 'HsmKeyNeedsPremiumVault',
        );
        await assert.rejects(
            preflightCreate(factory, allNewPlan(subscriptionId, { vault: { kind: 'existing', id: vault.id }, key: { kind: 'new', name: ec.name } })),
            (e: AnyDomainError) => e.code === 'KeyNameTaken',
        );
        const walled = await existingVault(`kv-fw-${s}`, { networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' } });
        await assert.rejects(
            preflightCreate(factory, allNewPlan(subscriptionId, { vault: { kind: 'existing', id: walled.id }, key: { kind: 'new', name: 'k' } })),
            (e: AnyDomainError) => e.code === 'VaultFirewallBlocksUserIdentity',
        );
        // executeCreate alone (no preflight) refuses the EC key at the key step, before the registry exists.
        const plan = allNewPlan(subscriptionId, { vault: { kind: 'existing', id: vault.id }, key: { kind: 'existing', name: ec.name } });
        await assert.rejects(
            executeCreate(factory, plan),
            (e: AnyDomainError) => e.code === 'CreateStepFailed' && e.params.step === 'key' && e.params.code === 'KeyTypeNotSupported',
        );
    });

    it('name taken (registry, vault, identity) and non-Premium SKU are refused before any change', async () => {
        const first = allNewPlan(subscriptionId);
        const created = await executeCreate(factory, first);
        const { lastSeq } = await admin.requests();
        await assert.rejects(
            preflightCreate(factory, allNewPlan(subscriptionId, { registry: first.registry })),
            (e: AnyDomainError) => e.code === 'RegistryNameTaken',
        );
        await assert.rejects(preflightCreate(factory, allNewPlan(subscriptionId, { vault: first.vault })), (e: AnyDomainError) => e.code === 'VaultNameTaken');
        await assert.rejects(
            preflightCreate(
                factory,
                allNewPlan(subscriptionId, { resourceGroup: { name: first.resourceGroup.name, create: false }, identity: first.identity }),
            ),
            (e: AnyDomainError) => e.code === 'IdentityNameTaken',
        );
        const armBefore = (await admin.requests(lastSeq)).lastSeq;
        await assert.rejects(
            preflightCreate(factory, allNewPlan(subscriptionId, { registry: { name: 'basicreg1', sku: 'Basic' } })),
            (e: AnyDomainError) => e.code === 'RegistrySkuNotPremium',
        );
        await assert.rejects(
            executeCreate(factory, allNewPlan(subscriptionId, { registry: { name: 'stdreg1', sku: 'Standard' } })),
            (e: AnyDomainError) => e.code === 'RegistrySkuNotPremium',
        );
        await assert.rejects(
            executeCreate(factory, allNewPlan(subscriptionId, { registry: { name: 'bad-name' } })),
            (e: AnyDomainError) => e.code === 'RegistryNameCharacters',
        );
        const after = (await admin.requests(armBefore)).requests.filter((r) => !r.path.startsWith('/_emulator'));
        assert.deepEqual(after, [], 'locally refused plans send nothing');
        const writes = (await admin.requests(lastSeq)).requests.filter((r) => ['PUT', 'PATCH', 'DELETE'].includes(r.method));
        assert.deepEqual(writes, []);
        assert.ok(await getRegistry(factory, created.registryId));
    });
});
