import { strict as assert } from 'node:assert';
import type { RunningEmulator } from '../../emulator/index';
import { startForSuite } from './harness';
import { clientsFor, createVault, failure, type Clients } from './clients';

describe('emulator: subscriptions, groups, resources, identities, role assignments', function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    let c: Clients;
    let sub: string;
    before(async () => {
        emu = await startForSuite('resources');
        c = clientsFor(emu);
        sub = emu.environment.subscriptions[0]!.id;
    });
    after(() => emu.stop());

    it('lists and gets subscriptions; unknown ones are SubscriptionNotFound', async () => {
        const ids: string[] = [];
        for await (const s of c.subscriptions.subscriptions.list()) ids.push(s.subscriptionId!);
        assert.deepEqual(ids.sort(), emu.environment.subscriptions.map((s) => s.id).sort());
        assert.equal((await c.subscriptions.subscriptions.get(sub)).tenantId, emu.environment.tenantId);
        assert.equal((await failure(c.subscriptions.subscriptions.get('00000000-0000-4000-8000-000000000000'))).code, 'SubscriptionNotFound');
    });

    it('creates, gets (any case), checks, lists and deletes resource groups', async () => {
        assert.equal((await c.resources.resourceGroups.createOrUpdate('Rg-Mixed', { location: 'westeurope', tags: { a: 'b' } })).name, 'Rg-Mixed');
        assert.equal((await c.resources.resourceGroups.get('rg-mixed')).location, 'westeurope');
        assert.equal((await c.resources.resourceGroups.checkExistence('RG-MIXED')).body, true);
        assert.equal((await c.resources.resourceGroups.checkExistence('rg-none')).body, false);
        assert.equal((await failure(c.resources.resourceGroups.get('rg-none'))).code, 'ResourceGroupNotFound');
        assert.equal((await failure(c.resources.resourceGroups.createOrUpdate('rg-mixed', { location: 'eastus' }))).code, 'InvalidResourceGroupLocation');
        const names: string[] = [];
        for await (const g of c.resources.resourceGroups.list()) names.push(g.name!);
        assert.ok(names.includes('Rg-Mixed'));
        await c.resources.resourceGroups.delete('rg-mixed');
        assert.equal((await c.resources.resourceGroups.checkExistence('rg-mixed')).body, false);
    });

    it('manages user-assigned identities (principalId, clientId, tenantId generated)', async () => {
        await c.resources.resourceGroups.createOrUpdate('rg-ids', { location: 'eastus' });
        const id = await c.msi.userAssignedIdentities.createOrUpdate('rg-ids', 'id-one', { location: 'eastus' });
        assert.ok(id.principalId && id.clientId && id.principalId !== id.clientId);
        assert.equal(id.tenantId, emu.environment.tenantId);
        assert.equal((await c.msi.userAssignedIdentities.get('RG-IDS', 'ID-ONE')).clientId, id.clientId);
        const byGroup: string[] = [];
        for await (const i of c.msi.userAssignedIdentities.listByResourceGroup('rg-ids')) byGroup.push(i.name!);
        const bySub: string[] = [];
        for await (const i of c.msi.userAssignedIdentities.listBySubscription()) bySub.push(i.name!);
        assert.deepEqual([byGroup, bySub], [['id-one'], ['id-one']]);
        await c.msi.userAssignedIdentities.delete('rg-ids', 'id-one');
        assert.equal((await failure(c.msi.userAssignedIdentities.get('rg-ids', 'id-one'))).statusCode, 404);
    });

    it("lists resources with $filter=resourceType eq '…' (what the Azure CLI uses to find a registry)", async () => {
        await c.resources.resourceGroups.createOrUpdate('rg-res', { location: 'eastus' });
        await c.msi.userAssignedIdentities.createOrUpdate('rg-res', 'id-res', { location: 'eastus' });
        await c.acr.registries.create('rg-res', 'resfilter01', { location: 'eastus', sku: { name: 'Basic' } });
        const found: string[] = [];
        for await (const r of c.resources.resources.list({ filter: "resourceType eq 'Microsoft.ContainerRegistry/registries'" })) {
            found.push(`${r.type}/${r.name}`);
        }
        assert.deepEqual(found, ['Microsoft.ContainerRegistry/registries/resfilter01']);
        const inGroup: string[] = [];
        for await (const r of c.resources.resources.listByResourceGroup('rg-res')) inGroup.push(r.name!);
        assert.deepEqual(inGroup.sort(), ['id-res', 'resfilter01']);
    });

    it('role assignments at vault scope: create, get, list with filters, delete, and validation', async () => {
        await c.resources.resourceGroups.createOrUpdate('rg-roles', { location: 'eastus' });
        const vault = await createVault(c, emu, 'rg-roles', 'kv-roles-01', { enableRbacAuthorization: true, accessPolicies: [] });
        const identity = await c.msi.userAssignedIdentities.createOrUpdate('rg-roles', 'id-roles', { location: 'eastus' });
        const roleId = `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`;
        const name = 'b2b2b2b2-0000-4000-8000-000000000001';
        const created = await c.authorization.roleAssignments.create(vault.id!, name, { roleDefinitionId: roleId, principalId: identity.principalId! });
        assert.equal(created.scope, vault.id);
        assert.equal((await c.authorization.roleAssignments.get(vault.id!, name)).principalId, identity.principalId);
        const list = async (scope: string, filter?: string) => {
            const out: string[] = [];
            for await (const a of c.authorization.roleAssignments.listForScope(scope, { filter })) out.push(a.name!);
            return out;
        };
        // The same lists, narrowed to this test's principal on the client: the tenant's users hold roles at subscription scope.
        const own = async (scope: string, filter?: string) => {
            const out: string[] = [];
            for await (const a of c.authorization.roleAssignments.listForScope(scope, { filter })) {
                if (a.principalId === identity.principalId) out.push(a.name!);
            }
            return out;
        };
        assert.deepEqual(await list(vault.id!, `principalId eq '${identity.principalId}'`), [name]);
        assert.deepEqual(await own(`/subscriptions/${sub}/resourceGroups/rg-roles`, 'atScope()'), []);
        assert.deepEqual(await own(`/subscriptions/${sub}`), [name]);
        assert.equal(
            (
                await failure(
                    c.authorization.roleAssignments.create(vault.id!, 'b2b2b2b2-0000-4000-8000-000000000002', {
                        roleDefinitionId: roleId,
                        principalId: identity.principalId!,
                    }),
                )
            ).code,
            'RoleAssignmentExists',
        );
        assert.equal(
            (
                await failure(
                    c.authorization.roleAssignments.create(vault.id!, 'b2b2b2b2-0000-4000-8000-000000000003', {
                        roleDefinitionId: roleId,
                        principalId: '99999999-0000-4000-8000-000000000000',
                    }),
                )
            ).code,
            'PrincipalNotFound',
        );
        assert.equal(
            (
                await failure(
                    c.authorization.roleAssignments.create(vault.id!, 'b2b2b2b2-0000-4000-8000-000000000004', {
                        roleDefinitionId: roleId.replace('e147488a', 'deadbeef'),
                        principalId: identity.principalId!,
                    }),
                )
            ).code,
            'RoleDefinitionDoesNotExist',
        );
        assert.equal(
            (await failure(c.authorization.roleAssignments.create(vault.id!, 'not-a-guid', { roleDefinitionId: roleId, principalId: identity.principalId! })))
                .code,
            'InvalidRoleAssignmentId',
        );
        const role = await c.authorization.roleDefinitions.get(vault.id!, 'e147488a-f6f5-4113-8e2d-b22465e65bf6');
        assert.equal(role.roleName, 'Key Vault Crypto Service Encryption User');
        assert.ok(role.permissions![0]!.dataActions!.includes('Microsoft.KeyVault/vaults/keys/unwrap/action'));
        await c.authorization.roleAssignments.delete(vault.id!, name);
        assert.deepEqual(await own(vault.id!), []);
    });
});
