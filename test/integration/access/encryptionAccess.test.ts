import * as assert from 'node:assert/strict';
import { callerObjectId } from '../../../src/domain/access/callerObjectId';
import { findVaultForKeyId, getVault } from '../../../src/domain/access/getVault';
import { grantEncryptionAccess, grantKeyManagement, hasEncryptionAccess, removeGrant } from '../../../src/domain/access/encryptionAccess';
import { type GrantRecord } from '../../../src/domain/access/GrantRecord';
import { cryptoOfficerRoleId, cryptoServiceEncryptionUserRoleId } from '../../../src/domain/access/roles';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import type { DomainError } from '../../../src/domain/errors';
import type { EmulatorWorld } from '../domain/emulatorWorld';
import { makeGroup, makeIdentity, makeVault, startAccessWorld } from './accessFixture';
import { emulatorAdmin, policiesOf, rolesOf } from './emulatorAdmin';

describe('access layer over the emulator', function () {
    this.timeout(120000);
    let world: EmulatorWorld;
    let factory: AzureClientFactory;
    let subscriptionId: string;
    let subscriptionIds: string[];
    let admin: ReturnType<typeof emulatorAdmin>;
    const group = 'rg-access';

    before(async () => {
        ({ world, factory, subscriptionId, subscriptionIds } = await startAccessWorld());
        admin = emulatorAdmin(world);
        await makeGroup(factory, subscriptionId, group);
    });
    after(() => world?.stop());

    it('reads the caller object id from the ARM token', async () => {
        assert.equal(await callerObjectId(factory.connection), world.emulator.environment.principalObjectId);
    });

    it('reads a vault into VaultInfo, and a missing one as VaultNotFound', async () => {
        const id = await makeVault(factory, subscriptionId, group, 'kv-read-1', {
            softDeleteRetentionInDays: 30,
            networkAcls: { defaultAction: 'Deny', bypass: 'None' },
        });
        const vault = await getVault(factory, id);
        assert.equal(vault.name, 'kv-read-1');
        assert.equal(vault.subscriptionId, subscriptionId);
        assert.equal(vault.resourceGroup, group);
        assert.equal(vault.enablePurgeProtection, true);
        assert.equal(vault.enableSoftDelete, true);
        assert.equal(vault.softDeleteRetentionInDays, 30);
        assert.equal(vault.enableRbacAuthorization, false);
        assert.equal(vault.networkAcls?.defaultAction, 'Deny');
        assert.match(vault.vaultUri, /^https:\/\/kv-read-1\./);
        await assert.rejects(getVault(factory, id.replace('kv-read-1', 'kv-missing-1')), (e: DomainError) => e.code === 'VaultNotFound');
    });

    it('finds the vault behind a key id across subscriptions; an unknown vault is VaultNotFoundForKey', async () => {
        const id = await makeVault(factory, subscriptionId, group, 'kv-find-1');
        const vault = await getVault(factory, id);
        const keyId = `${vault.vaultUri.replace(/\/$/, '')}/keys/some-key`;
        assert.equal((await findVaultForKeyId(factory, [...subscriptionIds].reverse(), keyId)).id.toLowerCase(), id.toLowerCase());
        const unknown = keyId.replace('kv-find-1', 'kv-nowhere-1');
        await assert.rejects(findVaultForKeyId(factory, subscriptionIds, unknown), (e: DomainError) => e.code === 'VaultNotFoundForKey');
    });

    it('access-policy vault: grants exactly get/wrapKey/unwrapKey, once, and removes exactly that', async () => {
        const identity = await makeIdentity(factory, subscriptionId, group, 'id-policy');
        const vault = await getVault(factory, await makeVault(factory, subscriptionId, group, 'kv-policy-1'));
        assert.equal(await hasEncryptionAccess(factory, vault, identity.principalId), false);
        const grant = await grantEncryptionAccess(factory, vault, identity.principalId);
        assert.deepEqual(grant, { kind: 'accessPolicy', objectId: identity.principalId, permissions: ['get', 'wrapKey', 'unwrapKey'] });
        assert.deepEqual(policiesOf(await admin.state(), vault.id), { [identity.principalId.toLowerCase()]: ['get', 'unwrapKey', 'wrapKey'] });
        const fresh = await getVault(factory, vault.id);
        assert.equal(await hasEncryptionAccess(factory, fresh, identity.principalId), true);
        assert.deepEqual(await grantEncryptionAccess(factory, fresh, identity.principalId), { kind: 'none' });
        await removeGrant(factory, fresh, grant);
        assert.deepEqual(policiesOf(await admin.state(), vault.id), {});
    });

    it('access-policy vault: a partial policy gets only the missing permissions, and removal keeps what was there', async () => {
        const identity = await makeIdentity(factory, subscriptionId, group, 'id-partial');
        const tenantId = factory.cloud.tenantId ?? '';
        const vault = await getVault(
            factory,
            await makeVault(factory, subscriptionId, group, 'kv-partial-1', {
                accessPolicies: [{ tenantId, objectId: identity.principalId, permissions: { keys: ['get', 'list'] } }],
            }),
        );
        const grant = await grantEncryptionAccess(factory, vault, identity.principalId);
        assert.deepEqual(grant, { kind: 'accessPolicy', objectId: identity.principalId, permissions: ['wrapKey', 'unwrapKey'] });
        await removeGrant(factory, vault, grant);
        assert.deepEqual(policiesOf(await admin.state(), vault.id), { [identity.principalId.toLowerCase()]: ['get', 'list'] });
    });

    it('RBAC vault: assigns the crypto service encryption user role at vault scope, once, and deletes exactly it', async () => {
        const identity = await makeIdentity(factory, subscriptionId, group, 'id-rbac');
        const vault = await getVault(factory, await makeVault(factory, subscriptionId, group, 'kv-rbac-1', { enableRbacAuthorization: true }));
        assert.equal(await hasEncryptionAccess(factory, vault, identity.principalId), false);
        const grant = await grantEncryptionAccess(factory, vault, identity.principalId);
        assert.equal(grant.kind, 'roleAssignment');
        assert.deepEqual(rolesOf(await admin.state(), identity.principalId), [{ role: cryptoServiceEncryptionUserRoleId, scope: vault.id.toLowerCase() }]);
        assert.equal(await hasEncryptionAccess(factory, vault, identity.principalId), true);
        assert.deepEqual(await grantEncryptionAccess(factory, vault, identity.principalId), { kind: 'none' });
        assert.deepEqual(policiesOf(await admin.state(), vault.id), {}, 'no access policy on an RBAC vault');
        await removeGrant(factory, vault, grant);
        assert.deepEqual(rolesOf(await admin.state(), identity.principalId), []);
        await removeGrant(factory, vault, grant); // already gone: still fine
    });

    it('RBAC vault: a broader built-in role at resource-group scope counts; Owner (no data actions) does not', async () => {
        const identity = await makeIdentity(factory, subscriptionId, group, 'id-broad');
        const vault = await getVault(factory, await makeVault(factory, subscriptionId, group, 'kv-broad-1', { enableRbacAuthorization: true }));
        const authorization = await factory.authorization(subscriptionId);
        const groupScope = `/subscriptions/${subscriptionId}/resourceGroups/${group}`;
        const role = (id: string) => `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${id}`;
        await authorization.roleAssignments.create(`/subscriptions/${subscriptionId}`, '0f4a1c9e-0000-4000-8000-000000000001', {
            roleDefinitionId: role('8e3af657-a8ff-443c-a75c-2fe8c4bcb635'),
            principalId: identity.principalId,
            principalType: 'ServicePrincipal',
        });
        assert.equal(await hasEncryptionAccess(factory, vault, identity.principalId), false, 'Owner grants no data action');
        await authorization.roleAssignments.create(groupScope, '0f4a1c9e-0000-4000-8000-000000000002', {
            roleDefinitionId: role('12338af0-0e69-4776-bea7-57ae8d297424'),
            principalId: identity.principalId,
            principalType: 'ServicePrincipal',
        });
        assert.equal(await hasEncryptionAccess(factory, vault, identity.principalId), true, 'Key Vault Crypto User at group scope');
    });

    it('key management for the caller: create/get/list/update on a policy vault, Crypto Officer on an RBAC vault', async () => {
        const caller = await callerObjectId(factory.connection);
        const policyVault = await getVault(factory, await makeVault(factory, subscriptionId, group, 'kv-mgmt-1'));
        const policyGrant: GrantRecord = await grantKeyManagement(factory, policyVault, caller);
        assert.deepEqual(policyGrant, { kind: 'accessPolicy', objectId: caller, permissions: ['create', 'get', 'list', 'update'] });
        assert.deepEqual(policiesOf(await admin.state(), policyVault.id), { [caller.toLowerCase()]: ['create', 'get', 'list', 'update'] });
        const rbacVault = await getVault(factory, await makeVault(factory, subscriptionId, group, 'kv-mgmt-2', { enableRbacAuthorization: true }));
        const rbacGrant = await grantKeyManagement(factory, rbacVault, caller);
        assert.equal(rbacGrant.kind, 'roleAssignment');
        assert.deepEqual(
            rolesOf(await admin.state(), caller).filter((r) => r.scope === rbacVault.id.toLowerCase()),
            [{ role: cryptoOfficerRoleId, scope: rbacVault.id.toLowerCase() }],
        );
        // With the role in place the caller can really create a key through the data plane.
        const key = await (await factory.keys(rbacVault.vaultUri)).createRsaKey('mgmt-check', { keySize: 2048 });
        assert.equal(key.keyType, 'RSA');
        await removeGrant(factory, rbacVault, rbacGrant);
        await removeGrant(factory, policyVault, policyGrant);
        assert.deepEqual(rolesOf(await admin.state(), caller), []);
        assert.deepEqual(policiesOf(await admin.state(), policyVault.id), {});
    });
});
