import { strict as assert } from 'node:assert';
import type { Identity } from '@azure/arm-msi';
import type { RunningEmulator } from '../../emulator/index';
import { startForSuite } from './harness';
import { clientsFor, createVault, failure, type Clients } from './clients';
import { cmkRegistry, cmkSetup, grantPolicy, keyAccess } from './cmkFixture';

describe('emulator: CMK rotation, identities, firewall, RBAC and key access', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let c: Clients;
    let granted: Identity;
    let other: Identity;
    let vaultUri: string;
    let sub: string;
    const RG = 'rg-life';

    before(async () => {
        emu = await startForSuite('cmk-lifecycle');
        c = clientsFor(emu);
        sub = emu.environment.subscriptions[0]!.id;
        ({ granted, other, vaultUri } = await cmkSetup(c, emu, RG, 'kv-life'));
        await c.keys(vaultUri).createRsaKey('cmk');
    });
    after(() => emu.stop());

    it('rotates to a new key version: lastKeyRotationTimestamp set, versioned key pinned', async () => {
        const r = await c.acr.registries.create(RG, 'rotating01', cmkRegistry(granted.id!, `${vaultUri}keys/cmk`, granted.clientId!));
        const next = await c.keys(vaultUri).rotateKey('cmk');
        const rotated = await c.acr.registries.update(RG, 'rotating01', {
            encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: next.id!, identity: granted.clientId } },
        });
        const kvp = rotated.encryption!.keyVaultProperties!;
        assert.equal(kvp.keyIdentifier, next.id);
        assert.equal(kvp.versionedKeyIdentifier, next.id);
        assert.equal(kvp.keyRotationEnabled, false);
        assert.ok(kvp.lastKeyRotationTimestamp instanceof Date && Date.now() - kvp.lastKeyRotationTimestamp.getTime() < 60_000);
        assert.equal((await keyAccess(emu, r.id!)).accessible, true);
    });

    it('rotates to the system identity once it is assigned and granted; the user identity can then be removed', async () => {
        const r = await c.acr.registries.create(RG, 'tosystem01', cmkRegistry(granted.id!, `${vaultUri}keys/cmk`, granted.clientId!));
        const withSystem = await c.acr.registries.update(RG, 'tosystem01', {
            identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [granted.id!]: {} } },
        });
        const systemPrincipal = withSystem.identity!.principalId!;
        assert.ok(systemPrincipal);
        const refused = await failure(
            c.acr.registries.update(RG, 'tosystem01', {
                encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: `${vaultUri}keys/cmk`, identity: 'system' } },
            }),
        );
        assert.equal(refused.code, 'KeyVaultKeyAccessDenied');
        await grantPolicy(c, emu, RG, 'kv-life', systemPrincipal);
        const rotated = await c.acr.registries.update(RG, 'tosystem01', {
            encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: `${vaultUri}keys/cmk`, identity: 'system' } },
        });
        assert.equal(rotated.encryption!.keyVaultProperties!.identity, 'system');
        assert.equal(
            rotated.encryption!.keyVaultProperties!.versionedKeyIdentifier,
            r.encryption!.keyVaultProperties!.versionedKeyIdentifier,
            'the same key version',
        );
        assert.equal(rotated.encryption!.keyVaultProperties!.lastKeyRotationTimestamp, undefined, 'an identity switch is no key rotation');
        const removed = await c.acr.registries.update(RG, 'tosystem01', { identity: { type: 'SystemAssigned' } });
        assert.equal(removed.identity!.userAssignedIdentities, undefined);
        assert.equal((await keyAccess(emu, r.id!)).accessible, true);
    });

    it("removing the encryption identity is allowed; the key still works for the grace period, rotation fails with Azure's text until it is re-assigned", async () => {
        const r = await c.acr.registries.create(RG, 'orphaned01', cmkRegistry(granted.id!, `${vaultUri}keys/cmk`, granted.clientId!));
        await c.acr.registries.update(RG, 'orphaned01', { identity: { type: 'SystemAssigned' } });
        // The troubleshooting page: pushes and pulls keep working until the removed identity expires (clock.test.ts goes on).
        const access = await keyAccess(emu, r.id!);
        assert.equal(access.accessible, true, access.reason);
        assert.match(access.reason, /removed identity/);
        const next = await c.keys(vaultUri).rotateKey('cmk');
        const rotate = () =>
            c.acr.registries.update(RG, 'orphaned01', {
                encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: next.id!, identity: granted.clientId } },
            });
        const e = await failure(rotate());
        assert.match(
            e.message,
            new RegExp(
                `Azure resource '${r.id}' does not have access to identity '${granted.clientId}' Try forcibly adding the identity to the registry orphaned01`,
            ),
        );
        await c.acr.registries.update(RG, 'orphaned01', { identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [granted.id!]: {} } } });
        assert.equal((await rotate()).encryption!.keyVaultProperties!.versionedKeyIdentifier, next.id);
        assert.equal((await keyAccess(emu, r.id!)).accessible, true);
    });

    it("a firewalled vault (Deny + AzureServices) passes only the registry's system identity", async () => {
        const fw = await createVault(c, emu, RG, 'kv-life-fw', {
            networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '127.0.0.1' }] },
        });
        await grantPolicy(c, emu, RG, 'kv-life-fw', granted.principalId!);
        const fwKey = await c.keys(fw.properties.vaultUri!).createRsaKey('fwkey');
        const userAttempt = await failure(c.acr.registries.create(RG, 'fwuser01', cmkRegistry(granted.id!, fwKey.id!, granted.clientId!)));
        assert.match(userAttempt.message, /ForbiddenByFirewall/);
        const r = await c.acr.registries.create(RG, 'fwsystem01', cmkRegistry(granted.id!, `${vaultUri}keys/cmk`, granted.clientId!));
        const principal = (
            await c.acr.registries.update(RG, 'fwsystem01', {
                identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [granted.id!]: {} } },
            })
        ).identity!.principalId!;
        await grantPolicy(c, emu, RG, 'kv-life-fw', principal);
        const moved = await c.acr.registries.update(RG, 'fwsystem01', {
            encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: fwKey.id!, identity: 'system' } },
        });
        assert.equal(moved.encryption!.keyVaultProperties!.keyIdentifier, fwKey.id);
        assert.equal((await keyAccess(emu, r.id!)).accessible, true);
        await c.keyVault.vaults.update(RG, 'kv-life-fw', {
            properties: { networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: [{ value: '127.0.0.1' }] } },
        });
        const blocked = await keyAccess(emu, r.id!);
        assert.deepEqual([blocked.accessible, /ForbiddenByFirewall/.test(blocked.reason)], [false, true]);
    });

    it('an RBAC vault accepts a crypto role at vault scope or above, and refuses without one', async () => {
        const rbac = await createVault(c, emu, RG, 'kv-life-rbac', { enableRbacAuthorization: true, accessPolicies: [] });
        const role = (id: string) => `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${id}`;
        await c.authorization.roleAssignments.create(rbac.id!, 'a1a1a1a1-0000-4000-8000-000000000001', {
            roleDefinitionId: role('14b46e9e-c2b7-41b4-b07b-48a6ebf60603'),
            principalId: emu.environment.principalObjectId,
        });
        const key = await c.keys(rbac.properties.vaultUri!).createRsaKey('rbackey');
        const denied = await failure(c.acr.registries.create(RG, 'rbacnone01', cmkRegistry(other.id!, key.id!, other.clientId!)));
        assert.match(denied.message, /ForbiddenByRbac/);
        await c.authorization.roleAssignments.create(`/subscriptions/${sub}/resourceGroups/${RG}`, 'a1a1a1a1-0000-4000-8000-000000000002', {
            roleDefinitionId: role('e147488a-f6f5-4113-8e2d-b22465e65bf6'),
            principalId: other.principalId!,
        });
        const r = await c.acr.registries.create(RG, 'rbacgroup01', cmkRegistry(other.id!, key.id!, other.clientId!));
        assert.equal((await keyAccess(emu, r.id!)).accessible, true);
        await c.authorization.roleAssignments.delete(`/subscriptions/${sub}/resourceGroups/${RG}`, 'a1a1a1a1-0000-4000-8000-000000000002');
        assert.equal((await keyAccess(emu, r.id!)).accessible, false);
    });

    it('key access follows revocation and restore: policy, key state, key deletion, identity deletion', async () => {
        const temp = await c.msi.userAssignedIdentities.createOrUpdate(RG, 'temp-identity', { location: 'eastus' });
        await grantPolicy(c, emu, RG, 'kv-life', temp.principalId!);
        const key = await c.keys(vaultUri).createRsaKey('revocable');
        const r = await c.acr.registries.create(RG, 'revoke01', cmkRegistry(temp.id!, `${vaultUri}keys/revocable`, temp.clientId!));
        assert.equal((await keyAccess(emu, r.id!)).accessible, true);
        await grantPolicy(c, emu, RG, 'kv-life', temp.principalId!, 'remove');
        assert.match((await keyAccess(emu, r.id!)).reason, /does not have keys unwrapKey permission/);
        await grantPolicy(c, emu, RG, 'kv-life', temp.principalId!);
        assert.equal((await keyAccess(emu, r.id!)).accessible, true);
        await c.keys(vaultUri).updateKeyProperties('revocable', key.properties.version!, { enabled: false });
        assert.match((await keyAccess(emu, r.id!)).reason, /disabled/);
        await c.keys(vaultUri).updateKeyProperties('revocable', key.properties.version!, { enabled: true });
        await (await c.keys(vaultUri).beginDeleteKey('revocable')).pollUntilDone();
        assert.match((await keyAccess(emu, r.id!)).reason, /KeyNotFound/);
        await (await c.keys(vaultUri).beginRecoverDeletedKey('revocable')).pollUntilDone();
        assert.equal((await keyAccess(emu, r.id!)).accessible, true);
        await c.msi.userAssignedIdentities.delete(RG, 'temp-identity');
        const gone = await keyAccess(emu, r.id!);
        assert.deepEqual([gone.accessible, /no longer exists/.test(gone.reason)], [false, true]);
    });
});
