// Show Encryption opens a read-only JSON document named after the registry, like `az acr encryption show`, read fresh from ARM.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { getEmulatorJson } from '../emulatorState';
import { registriesOf, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import { activateExtension } from './extensionApi';

async function showEncryptionOf(registry: WorldRegistry): Promise<{ status: string; keyVaultProperties: Record<string, unknown> | null }> {
    const before = new Set(vscode.workspace.textDocuments);
    await vscode.commands.executeCommand('acrCmk.showEncryption', registry.id);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && !before.has(editor.document), `Show Encryption of ${registry.name} opened a new editor`);
    assert.strictEqual(editor.document.languageId, 'json');
    // Named after the registry (the tab says whose encryption it is), read-only: closing asks nothing.
    assert.strictEqual(editor.document.uri.path, `/${registry.name}.encryption.json`);
    assert.strictEqual(editor.document.isUntitled, false);
    const shown = JSON.parse(editor.document.getText());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    return shown;
}

describe('Show Encryption', () => {
    let world: EmulatorWorld;

    before(async () => {
        await activateExtension();
        world = await getEmulatorJson<EmulatorWorld>('state');
    });

    it('opens the key vault properties of a CMK registry', async () => {
        const registry = registriesOf(world).find((r) => r.encryption.status === 'enabled');
        assert.ok(registry, 'the sample world has a CMK registry');
        const shown = await showEncryptionOf(registry);
        const expected = registry.encryption.keyVaultProperties;
        assert.strictEqual(shown.status, 'enabled');
        assert.strictEqual(shown.keyVaultProperties?.keyIdentifier, expected?.keyIdentifier);
        assert.strictEqual(shown.keyVaultProperties?.versionedKeyIdentifier, expected?.versionedKeyIdentifier);
        assert.strictEqual(shown.keyVaultProperties?.identity, expected?.identity);
    });

    it('shows a registry without CMK as disabled', async () => {
        const registry = registriesOf(world).find((r) => r.encryption.status !== 'enabled');
        assert.ok(registry, 'the sample world has a registry without CMK');
        const shown = await showEncryptionOf(registry);
        assert.strictEqual(shown.status, 'disabled');
        assert.strictEqual(shown.keyVaultProperties, null);
    });
});
