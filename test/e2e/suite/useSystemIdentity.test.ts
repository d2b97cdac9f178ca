// Use System-Assigned Identity in the real extension host, with pre-filled answers; checked against the emulator.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { cmkRegistries, type EmulatorWorld } from '../worldExpectations';
import { activateExtension } from './extensionApi';

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
        await vscode.commands.executeCommand('acrCmk.useSystemIdentity', registry.id, { removePreviousIdentityAccess: false, confirmed: true });
        const now = await getEmulatorJson<EmulatorWorld>('state');
        const after = Object.values(now.registries).find((r) => r.id === registry.id)!.encryption.keyVaultProperties!;
        assert.strictEqual(after.identity, 'system');
        assert.strictEqual(after.keyIdentifier, before.keyIdentifier, 'same key, same versionless/pinned form');
        const access = await keyAccessNow(registry.id);
        assert.strictEqual(access.accessible, true, access.reason);
    });
});
