// Use System-Assigned Identity in the real extension host, its prompts answered in order; checked against the emulator.
import * as assert from 'node:assert';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { cmkRegistries, type EmulatorWorld } from '../worldExpectations';
import { runCommandWithInputs } from './commandInputs';
import { activateExtension } from './extensionApi';
import { rotation } from './rotationInputs';

describe('Use System-Assigned Identity (real VS Code, scripted answers)', () => {
    before(async () => {
        const api = await activateExtension();
        await api.refresh();
    });

    it('enables the system identity, grants it, and switches encryption to it', async () => {
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const registry = cmkRegistries(world)
            .reverse()
            .find((r) => r.encryption.keyVaultProperties?.identity !== 'system');
        assert.ok(registry, 'the sample world has a CMK registry with a user-assigned identity');
        const before = registry.encryption.keyVaultProperties!;
        // Enabling and granting the system identity is what the command is for: only the final confirmation asks.
        await runCommandWithInputs('acrCmk.useSystemIdentity', [registry.id], [rotation.keepPreviousAccess, rotation.confirm]);
        const now = await getEmulatorJson<EmulatorWorld>('state');
        const after = Object.values(now.registries).find((r) => r.id === registry.id)!.encryption.keyVaultProperties!;
        assert.strictEqual(after.identity, 'system');
        assert.strictEqual(after.keyIdentifier, before.keyIdentifier, 'same key, same versionless/pinned form');
        const access = await keyAccessNow(registry.id);
        assert.strictEqual(access.accessible, true, access.reason);
    });
});
