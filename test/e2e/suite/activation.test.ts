import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, extensionId } from './extensionApi';

describe('the extension in the real extension host', () => {
    it('activates and returns its test API', async () => {
        const api = await activateExtension();
        assert.strictEqual(vscode.extensions.getExtension(extensionId)?.isActive, true);
        assert.strictEqual(typeof api.getTreeSnapshot, 'function');
    });

    it('registers its commands', async () => {
        await activateExtension();
        const commands = new Set(await vscode.commands.getCommands(true));
        for (const id of [
            'acrCmk.refresh',
            'acrCmk.showEncryption',
            'acrCmk.copyKeyId',
            'acrCmk.copyVersionedKeyId',
            'acrCmk.openInPortal',
            'acrCmk.signIn',
            'acrCmk.selectSubscriptions',
        ]) {
            assert.ok(commands.has(id), `command ${id} is registered`);
        }
    });

    it('is configured for the emulator only through its documented settings', () => {
        const settings = vscode.workspace.getConfiguration('acrCmk');
        assert.strictEqual(settings.get('cloud'), 'custom');
        assert.strictEqual(settings.get('credential'), 'environment');
        assert.match(settings.get<string>('customCloud.resourceManagerEndpoint') ?? '', /^https:\/\/localhost:\d+\/$/);
        // Machine-scoped: in code-server (a remote window) it is read from the machine's settings, not the user's.
        assert.match(settings.get<string>('customCloud.caCertificatePath') ?? '', /ca\.pem$/);
    });
});
