// Rotate Key in the real extension host: the command runs with pre-filled answers (second argument), and the
// emulator's own state and key-access probe say whether the registry really moved to a new, working key.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { expectErrorNotification } from './notificationGuard';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { cmkRegistries, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import { activateExtension } from './extensionApi';

const allConsent = { reassignRemovedIdentity: true, assignIdentity: true, enableSystemIdentity: true, grantAccess: true, enableTrustedServices: true };

async function registryNow(id: string): Promise<WorldRegistry> {
    const world = await getEmulatorJson<EmulatorWorld>('state');
    const found = Object.values(world.registries).find((r) => r.id.toLowerCase() === id.toLowerCase());
    assert.ok(found, `registry ${id} still exists`);
    return found;
}

describe('Rotate Key (real VS Code, scripted answers)', () => {
    before(async () => {
        const api = await activateExtension();
        await api.refresh();
    });

    it('rotates a user-assigned CMK registry to a new, pinned version of its key', async () => {
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const registry = cmkRegistries(world).find((r) => r.encryption.keyVaultProperties?.identity !== 'system');
        assert.ok(registry, 'the sample world has a CMK registry with a user-assigned identity');
        const before = registry.encryption.keyVaultProperties!;
        await vscode.commands.executeCommand('acrCmk.rotateKey', registry.id, {
            keySource: 'newVersion',
            versionless: false,
            identity: { kind: 'keep' },
            consent: allConsent,
            confirmed: true,
        });
        const after = (await registryNow(registry.id)).encryption.keyVaultProperties!;
        assert.notStrictEqual(after.versionedKeyIdentifier, before.versionedKeyIdentifier, 'a new version is in use');
        assert.strictEqual(after.keyIdentifier, after.versionedKeyIdentifier, 'pinned to that version');
        assert.ok(after.keyIdentifier.startsWith(before.keyIdentifier.split('/keys/')[0]!), 'same vault');
        assert.strictEqual(after.identity, before.identity, 'same identity');
        const access = await keyAccessNow(registry.id);
        assert.strictEqual(access.accessible, true, access.reason);
    });

    it('refuses a registry without a customer-managed key and changes nothing', async () => {
        expectErrorNotification(/is encrypted with a service-managed key, so it has no customer-managed key to rotate/);
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const plain = Object.values(world.registries).find((r) => r.encryption.status !== 'enabled');
        assert.ok(plain, 'the sample world has a registry without CMK');
        await vscode.commands.executeCommand('acrCmk.rotateKey', plain.id, {
            keySource: 'newVersion',
            versionless: true,
            identity: { kind: 'keep' },
            consent: allConsent,
            confirmed: true,
        });
        assert.strictEqual((await registryNow(plain.id)).encryption.status, 'disabled');
    });
});
