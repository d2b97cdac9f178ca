import { strict as assert } from 'node:assert';
import type { Identity } from '@azure/arm-msi';
import type { RunningEmulator } from '../../emulator/index';
import { startForSuite } from './harness';
import { clientsFor, failure, type Clients } from './clients';
import { cmkRegistry, cmkSetup, keyAccess } from './cmkFixture';

describe('emulator: registry customer-managed key rules at creation', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let c: Clients;
    let granted: Identity;
    let other: Identity;
    let vaultUri: string;
    let keyId: string;
    let versionedKeyId: string;
    const RG = 'rg-cmk';

    before(async () => {
        emu = await startForSuite('cmk-rules');
        c = clientsFor(emu);
        ({ granted, other, vaultUri } = await cmkSetup(c, emu, RG, 'kv-cmk-rules'));
        const key = await c.keys(vaultUri).createRsaKey('cmk');
        keyId = `${vaultUri}keys/cmk`;
        versionedKeyId = key.id!;
    });
    after(() => emu.stop());

    it('a versionless key enables auto-rotation and pins versionedKeyIdentifier to the current version', async () => {
        const r = await c.acr.registries.create(RG, 'cmkversionless', cmkRegistry(granted.id!, keyId, granted.clientId!));
        const kvp = r.encryption!.keyVaultProperties!;
        assert.equal(r.encryption!.status, 'enabled');
        assert.equal(kvp.keyIdentifier, keyId);
        assert.equal(kvp.versionedKeyIdentifier, versionedKeyId);
        assert.equal(kvp.keyRotationEnabled, true);
        assert.equal(kvp.identity, granted.clientId);
        assert.equal(kvp.lastKeyRotationTimestamp, undefined);
        assert.equal((await keyAccess(emu, r.id!)).accessible, true);
    });

    it('a versioned key disables auto-rotation', async () => {
        const r = await c.acr.registries.create(RG, 'cmkversioned', cmkRegistry(granted.id!, versionedKeyId, granted.clientId!));
        assert.equal(r.encryption!.keyVaultProperties!.keyRotationEnabled, false);
        assert.equal(r.encryption!.keyVaultProperties!.versionedKeyIdentifier, versionedKeyId);
    });

    it('refuses CMK on a non-Premium SKU', async () => {
        const e = await failure(c.acr.registries.create(RG, 'cmkbasic', cmkRegistry(granted.id!, keyId, granted.clientId!, 'Standard')));
        assert.deepEqual([e.statusCode, e.code], [400, 'InvalidSkuForEncryption']);
    });

    it('refuses a principal id where the client id belongs, naming the confusion', async () => {
        const e = await failure(c.acr.registries.create(RG, 'cmkprincipal', cmkRegistry(granted.id!, keyId, granted.principalId!)));
        assert.equal(e.code, 'InvalidEncryptionIdentity');
        assert.match(e.message, /principal \(object\) id/);
        assert.ok(e.message.includes(granted.clientId!), 'the message names the client id to use');
    });

    it("refuses an identity that is not assigned to the registry with Azure's text", async () => {
        const e = await failure(c.acr.registries.create(RG, 'cmknotassigned', cmkRegistry(granted.id!, keyId, other.clientId!)));
        assert.equal(e.code, 'IdentityNotAssociatedWithRegistry');
        assert.match(e.message, /does not have access to identity '.*' Try forcibly adding the identity to the registry cmknotassigned/);
    });

    it("refuses 'system' when the registry has no system-assigned identity, and a non-GUID identity", async () => {
        assert.equal((await failure(c.acr.registries.create(RG, 'cmksystem', cmkRegistry(granted.id!, keyId, 'system')))).code, 'InvalidEncryptionIdentity');
        assert.equal((await failure(c.acr.registries.create(RG, 'cmkname', cmkRegistry(granted.id!, keyId, 'my-identity')))).code, 'InvalidEncryptionIdentity');
    });

    it('refuses an identity without get/wrap/unwrap permission on the key', async () => {
        const e = await failure(c.acr.registries.create(RG, 'cmknoaccess', cmkRegistry(other.id!, keyId, other.clientId!)));
        assert.equal(e.code, 'KeyVaultKeyAccessDenied');
        assert.match(e.message, /does not have keys get permission/);
    });

    it('refuses EC keys, missing keys, disabled keys and keys outside the vault DNS suffix', async () => {
        await c.keys(vaultUri).createEcKey('eckey');
        assert.equal(
            (await failure(c.acr.registries.create(RG, 'cmkec', cmkRegistry(granted.id!, `${vaultUri}keys/eckey`, granted.clientId!)))).code,
            'UnsupportedKeyType',
        );
        const missing = await failure(c.acr.registries.create(RG, 'cmkmissing', cmkRegistry(granted.id!, `${vaultUri}keys/nokey`, granted.clientId!)));
        assert.deepEqual([missing.code, /KeyNotFound/.test(missing.message)], ['KeyVaultKeyAccessDenied', true]);
        const disabled = await c.keys(vaultUri).createRsaKey('disabledkey');
        await c.keys(vaultUri).updateKeyProperties('disabledkey', disabled.properties.version!, { enabled: false });
        const e = await failure(c.acr.registries.create(RG, 'cmkdisabled', cmkRegistry(granted.id!, `${vaultUri}keys/disabledkey`, granted.clientId!)));
        assert.match(e.message, /disabled key/);
        assert.equal(
            (await failure(c.acr.registries.create(RG, 'cmkforeign', cmkRegistry(granted.id!, 'https://myvault.vault.azure.net/keys/k', granted.clientId!))))
                .code,
            'InvalidKeyIdentifier',
        );
    });

    it('encryption can only be set at creation and can never be disabled; CMK registries stay Premium', async () => {
        await c.acr.registries.create(RG, 'plainreg01', {
            location: 'eastus',
            sku: { name: 'Premium' },
            identity: { type: 'UserAssigned', userAssignedIdentities: { [granted.id!]: {} } },
        });
        const enable = await failure(
            c.acr.registries.update(RG, 'plainreg01', {
                encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: keyId, identity: granted.clientId } },
            }),
        );
        assert.equal(enable.code, 'EncryptionNotAllowedOnUpdate');
        const disable = await failure(c.acr.registries.update(RG, 'cmkversionless', { encryption: { status: 'disabled' } }));
        assert.equal(disable.code, 'EncryptionCannotBeDisabled');
        const downgrade = await failure(c.acr.registries.update(RG, 'cmkversionless', { sku: { name: 'Standard' } }));
        assert.equal(downgrade.code, 'InvalidSkuForEncryption');
    });

    it('refuses user-assigned identities that do not exist', async () => {
        const ghost = `/subscriptions/${emu.environment.subscriptions[0]!.id}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ghost`;
        assert.equal(
            (await failure(c.acr.registries.create(RG, 'ghostidentity', cmkRegistry(ghost, keyId, granted.clientId!)))).code,
            'FailedIdentityOperation',
        );
    });
});
