// Rotate Key in the real extension host: the command's own prompts are answered in order (runCommandWithInputs), and
// the emulator's own state and key-access probe say whether the registry really moved to a new, working key.
import * as assert from 'node:assert';
import { expectErrorNotification } from './notificationGuard';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { cmkRegistries, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import { runCommandWithInputs } from './commandInputs';
import { activateExtension } from './extensionApi';
import { rotation } from './rotationInputs';

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
        await runCommandWithInputs('acrCmk.rotateKey', [registry.id], [rotation.newVersion, rotation.pinned, rotation.keepIdentity, rotation.confirm]);
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
        // Refused before the first prompt.
        await runCommandWithInputs('acrCmk.rotateKey', [plain.id], []);
        assert.strictEqual((await registryNow(plain.id)).encryption.status, 'disabled');
    });
});
