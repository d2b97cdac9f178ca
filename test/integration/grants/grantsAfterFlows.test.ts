import * as assert from 'node:assert/strict';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { enableAutoRotationRequest } from '../../../src/domain/autoRotation/enableAutoRotationRequest';
import { executeCreate } from '../../../src/domain/create/executeCreate';
import { buildArmTemplate } from '../../../src/domain/create/template/armTemplate';
import { preflightCreate } from '../../../src/domain/create/preflight';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { planRestore, runRestore } from '../../../src/domain/restore/restoreKeyAccess';
import { MemoryStorage, StoredRevocations } from '../../../src/domain/revoke/RevocationRecord';
import { planRevoke, runRevoke } from '../../../src/domain/revoke/revokeKeyAccess';
import { planRotation } from '../../../src/domain/rotate/planRotation';
import { runRotation } from '../../../src/domain/rotate/runRotation';
import { useSystemIdentityRequest } from '../../../src/domain/systemIdentity/useSystemIdentityRequest';
import type { RunningEmulator } from '../../emulator';
import { recordShownMessages } from '../../security/shownMessages';
import { connectAsUser } from '../badInput/badInputWorld';
import { allNewPlan } from '../create/createFixture';
import { clientsFor, createVault, type Clients } from '../emulator/clients';
import { admin, startForSuite } from '../emulator/harness';
import {
    encryptionPolicy,
    encryptionRole,
    excessGrants,
    grantDiff,
    grantsOf,
    keyManagementPolicy,
    keyManagementRole,
    type Grant,
    type GrantRules,
} from './grantLedger';

const rg = 'rg-grants';

/** globalState as the extension writes it (VS Code web keeps it in the browser): every write also goes to the security scan's captures. */
class SavedStateCapture extends MemoryStorage {
    override update(key: string, value: unknown): Promise<void> {
        recordShownMessages('saved-state', [JSON.stringify({ [key]: value })]);
        return super.update(key, value);
    }
}
const officer = '14b46e9e-c2b7-41b4-b07b-48a6ebf60603';

/**
 * After every flow, from the emulator's state: the grants it added are exactly what is needed (encryption
 * identity: get/wrapKey/unwrapKey or the one crypto-service role at vault scope; the user: key-management rights on
 * vaults the flow created, nothing elsewhere), and it removed only what it meant to remove.
 */
describe('grants are exactly what each flow needs (emulator state after every flow)', function () {
    this.timeout(240000);
    let emulator: RunningEmulator;
    let factory: AzureClientFactory;
    let subscriptionId: string;
    let setup: Clients;
    let caller: string;
    let identityA: { id: string; principalId: string };
    let identityB: { id: string; principalId: string };
    let apVault: { id: string; uri: string };
    let rbacVault: { id: string; uri: string };
    const registries: Record<string, string> = {};

    const state = async () => (await admin(emulator, 'GET', 'state')).body as unknown;
    const vaultIds = async () => Object.values(((await state()) as { vaults: Record<string, { id: string }> }).vaults).map((v) => v.id);
    const principalOf = async (registryId: string) => {
        const registry = await getRegistry(factory, registryId);
        const identity = registry.encryption.status === 'enabled' ? registry.encryption.identity : undefined;
        return identity && 'principalId' in identity ? (identity.principalId ?? '') : '';
    };

    /** Runs a flow and returns the grants it added and removed, having checked none is excessive. */
    async function observe(flow: () => Promise<Omit<GrantRules, 'caller'>>): Promise<{ added: Grant[]; removed: Grant[] }> {
        const before = grantsOf(await state());
        const rules = await flow();
        const diff = grantDiff(before, grantsOf(await state()));
        assert.deepEqual(excessGrants(diff.added, { ...rules, caller }, await vaultIds()), []);
        return diff;
    }
    const brief = (grants: Grant[]) => grants.map((g) => `${g.principal}|${g.vault}|${g.what}`).sort();

    before(async () => {
        emulator = await startForSuite('grants');
        const { target } = await connectAsUser(emulator);
        factory = target.factory;
        subscriptionId = target.subscriptionId;
        caller = emulator.environment.principalObjectId.toLowerCase();
        setup = clientsFor(emulator, undefined, subscriptionId);
        await setup.resources.resourceGroups.createOrUpdate(rg, { location: 'eastus' });
        const a = await setup.msi.userAssignedIdentities.createOrUpdate(rg, 'id-grants-a', { location: 'eastus' });
        const b = await setup.msi.userAssignedIdentities.createOrUpdate(rg, 'id-grants-b', { location: 'eastus' });
        identityA = { id: a.id!, principalId: a.principalId!.toLowerCase() };
        identityB = { id: b.id!, principalId: b.principalId!.toLowerCase() };
        const ap = await createVault(setup, emulator, rg, 'kvgrantsap', { enablePurgeProtection: true });
        apVault = { id: ap.id!, uri: ap.properties.vaultUri! };
        await setup.keys(apVault.uri).createRsaKey('apkey', { keySize: 2048 });
        const rbac = await createVault(setup, emulator, rg, 'kvgrantsrbac', { enablePurgeProtection: true, enableRbacAuthorization: true, accessPolicies: [] });
        rbacVault = { id: rbac.id!, uri: rbac.properties.vaultUri! };
        await setup.authorization.roleAssignments.create(rbacVault.id, crypto.randomUUID(), {
            roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${officer}`,
            principalId: caller,
            principalType: 'ServicePrincipal',
        });
        await setup.keys(rbacVault.uri).createRsaKey('rbkey', { keySize: 2048 });
    });
    after(() => emulator?.stop());

    it('create, all new, access-policy vault: identity get/wrapKey/unwrapKey and your key-management rights, both on the new vault only', async () => {
        const { added, removed } = await observe(async () => {
            const plan = allNewPlan(subscriptionId);
            await preflightCreate(factory, plan);
            const result = await executeCreate(factory, plan);
            registries.apNew = result.registryId;
            return { encryptionPrincipals: [result.state.identity!.principalId], createdVaults: [result.state.vault!.info.id] };
        });
        assert.deepEqual(added.map((g) => g.what).sort(), [encryptionPolicy, keyManagementPolicy].sort());
        assert.deepEqual(removed, []);
    });

    it('create, all new, RBAC vault: the crypto-service role for the identity and the crypto-officer role for you, at the new vault', async () => {
        const { added, removed } = await observe(async () => {
            const plan = allNewPlan(subscriptionId);
            const result = await executeCreate(factory, {
                ...plan,
                vault: { kind: 'new', name: plan.vault.kind === 'new' ? plan.vault.name : '', permissionModel: 'rbac' },
            });
            return { encryptionPrincipals: [result.state.identity!.principalId], createdVaults: [result.state.vault!.info.id] };
        });
        assert.deepEqual(added.map((g) => g.what).sort(), [encryptionRole, keyManagementRole].sort());
        assert.deepEqual(removed, []);
    });

    it("create with an existing identity, vault and key: only the identity's get/wrapKey/unwrapKey; nothing for you", async () => {
        const { added, removed } = await observe(async () => {
            const plan = allNewPlan(subscriptionId, {
                resourceGroup: { name: rg, create: false },
                identity: { kind: 'existing', id: identityB.id },
                vault: { kind: 'existing', id: apVault.id },
                key: { kind: 'existing', name: 'apkey' },
            });
            await preflightCreate(factory, plan);
            const result = await executeCreate(factory, plan);
            registries.existing = result.registryId;
            // The ARM template Export would write for this registry, kept for the security scan.
            const files = buildArmTemplate(plan);
            recordShownMessages('exported-templates', [JSON.stringify(files)]);
            return { encryptionPrincipals: [identityB.principalId], createdVaults: [] };
        });
        assert.deepEqual(brief(added), [`${identityB.principalId}|${apVault.id.toLowerCase()}|${encryptionPolicy}`]);
        assert.deepEqual(removed, []);
    });

    it('rotate to a new key version with the same identity: no grant added or removed', async () => {
        const { added, removed } = await observe(async () => {
            await runRotation(
                factory,
                await planRotation(factory, {
                    registryId: registries.existing!,
                    key: { kind: 'newVersion' },
                    versionless: false,
                    identity: { kind: 'keep' },
                    consent: {},
                }),
            );
            return { encryptionPrincipals: [identityB.principalId], createdVaults: [] };
        });
        assert.deepEqual([added, removed], [[], []]);
    });

    it('cancel (a needed change declined): Azure stays exactly as it was', async () => {
        const before = JSON.stringify(await state());
        await assert.rejects(
            planRotation(factory, {
                registryId: registries.existing!,
                key: { kind: 'existing', keyId: `${rbacVault.uri}keys/rbkey` },
                versionless: true,
                identity: { kind: 'user', resourceId: identityA.id },
                consent: {},
            }),
        );
        assert.equal(JSON.stringify(await state()), before);
    });

    it("rotate to an RBAC vault with another user identity: only that identity's crypto-service role at that vault", async () => {
        const { added, removed } = await observe(async () => {
            await runRotation(
                factory,
                await planRotation(factory, {
                    registryId: registries.existing!,
                    key: { kind: 'existing', keyId: `${rbacVault.uri}keys/rbkey` },
                    versionless: true,
                    identity: { kind: 'user', resourceId: identityA.id },
                    consent: { grantAccess: true, assignIdentity: true },
                }),
            );
            return { encryptionPrincipals: [identityA.principalId], createdVaults: [] };
        });
        assert.deepEqual(brief(added), [`${identityA.principalId}|${rbacVault.id.toLowerCase()}|${encryptionRole}`]);
        assert.deepEqual(removed, []);
    });

    it("use the system identity (removing the previous identity's access): one role added for it, the previous one removed", async () => {
        const { added, removed } = await observe(async () => {
            const registry = await getRegistry(factory, registries.existing!);
            await runRotation(
                factory,
                await planRotation(
                    factory,
                    useSystemIdentityRequest(registry, { removePreviousIdentityAccess: true, consent: { enableSystemIdentity: true, grantAccess: true } }),
                ),
            );
            return { encryptionPrincipals: [await principalOf(registries.existing!)], createdVaults: [] };
        });
        const system = await principalOf(registries.existing!);
        assert.deepEqual(brief(added), [`${system.toLowerCase()}|${rbacVault.id.toLowerCase()}|${encryptionRole}`]);
        assert.deepEqual(brief(removed), [`${identityA.principalId}|${rbacVault.id.toLowerCase()}|${encryptionRole}`]);
    });

    // On a vault you manage (crypto officer): on a vault the create flow made, you hold only create/get/list/update, not setrotationpolicy.
    it('enable automatic rotation with a policy: no grant added or removed', async () => {
        const { added, removed } = await observe(async () => {
            const registry = await getRegistry(factory, registries.existing!);
            await runRotation(
                factory,
                await planRotation(factory, enableAutoRotationRequest(registry, { rotationPolicy: { rotateEveryDays: 90, notifyDaysBeforeExpiry: 30 } })),
            );
            return { encryptionPrincipals: [await principalOf(registries.existing!)], createdVaults: [] };
        });
        assert.deepEqual([added, removed], [[], []]);
    });

    it("revoke removes exactly the identity's grant; restore puts back exactly that", async () => {
        const store = new StoredRevocations(new SavedStateCapture());
        const principal = (await principalOf(registries.apNew!)).toLowerCase();
        const revoked = await observe(async () => {
            const plan = await planRevoke(factory, { registryId: registries.apNew!, method: { kind: 'removeAccess' } });
            await runRevoke(factory, plan, store, plan.target.registry.name);
            return { encryptionPrincipals: [principal], createdVaults: [] };
        });
        assert.deepEqual(revoked.added, []);
        assert.deepEqual(
            revoked.removed.map((g) => `${g.principal}|${g.what}`),
            [`${principal}|${encryptionPolicy}`],
        );
        const restored = await observe(async () => {
            await runRestore(factory, await planRestore(factory, registries.apNew!, store), store);
            return { encryptionPrincipals: [principal], createdVaults: [] };
        });
        assert.deepEqual(brief(restored.added), brief(revoked.removed));
        assert.deepEqual(restored.removed, []);
    });
});
