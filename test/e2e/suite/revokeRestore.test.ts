// Revoke Key Access → the tree shows "key access revoked" → Restore Key Access → healthy again, with exactly the
// previous grants (from the emulator's state). The typed-name confirmation refuses a wrong name. Each command's
// prompts are answered in order (runCommandWithInputs).
import * as assert from 'node:assert';
import type { WorldRegistry } from '../worldExpectations';
import { runCommandWithInputs } from './commandInputs';
import { expectErrorNotification } from './notificationGuard';
import { activateExtension, type AcrCmkTestApi } from './extensionApi';
import { accessibleCmkRegistry, findRow, grantsNow, keyAccess, revoke } from './keyAccessWorld';

describe('Revoke and Restore Key Access', () => {
    let api: AcrCmkTestApi;
    let registry: WorldRegistry;
    let grantsBefore: string[];

    before(async () => {
        api = await activateExtension();
        registry = await accessibleCmkRegistry();
        grantsBefore = await grantsNow();
    });

    it('refuses when the typed registry name is wrong, and changes nothing', async () => {
        // The input box does not take the typo: its validation message (the test's input is refused with it: shown, and rethrown here).
        expectErrorNotification(/^Type ".*" exactly\.$/);
        await assert.rejects(
            runCommandWithInputs('acrCmk.revokeKeyAccess', [registry.id], [revoke.removeAccess, revoke.proceed, `${registry.name}-typo`], { rethrow: true }),
            (error: Error) => /^Type ".*" exactly\.$/.test(error.message) && error.message.includes(registry.name),
        );
        assert.deepStrictEqual(await grantsNow(), grantsBefore);
        assert.strictEqual((await keyAccess(registry.id)).accessible, true);
    });

    it('revokes with the right name; after a refresh the tree shows the registry as revoked', async () => {
        const record = await runCommandWithInputs<{ removedGrants: unknown[] }>(
            'acrCmk.revokeKeyAccess',
            [registry.id],
            [revoke.removeAccess, revoke.proceed, registry.name],
        );
        assert.ok(record && record.removedGrants.length > 0, 'a grant was removed and remembered');
        assert.strictEqual((await keyAccess(registry.id)).accessible, false, 'the emulator says the registry cannot reach its key');
        await api.refresh();
        const row = findRow(await api.getTreeSnapshot(), registry.id);
        assert.ok(row, `row for ${registry.name}`);
        assert.match(row.contextValue ?? '', /^registry;encryption:cmk;.*;keyAccess:revoked$/);
        assert.strictEqual(row.icon?.id, 'circle-slash');
        assert.strictEqual(row.icon?.color, 'errorForeground');
        assert.match(row.description ?? '', /key access revoked/);
    });

    it('restores exactly the previous grants; after a refresh the tree shows the registry healthy', async () => {
        // Granting back is not destructive: Restore asks nothing.
        await runCommandWithInputs('acrCmk.restoreKeyAccess', [registry.id], []);
        assert.strictEqual((await keyAccess(registry.id)).accessible, true);
        assert.deepStrictEqual(await grantsNow(), grantsBefore);
        await api.refresh();
        const row = findRow(await api.getTreeSnapshot(), registry.id);
        assert.doesNotMatch(row?.contextValue ?? '', /keyAccess:/);
        assert.strictEqual(row?.icon?.id, 'lock');
        assert.doesNotMatch(row?.description ?? '', /revoked/);
    });

    it('disables the key version in use and restores it', async () => {
        await runCommandWithInputs('acrCmk.revokeKeyAccess', [registry.id], [revoke.disableKeyInUse, revoke.proceed, registry.name]);
        assert.strictEqual((await keyAccess(registry.id)).accessible, false);
        await runCommandWithInputs('acrCmk.restoreKeyAccess', [registry.id], []);
        assert.strictEqual((await keyAccess(registry.id)).accessible, true);
        assert.deepStrictEqual(await grantsNow(), grantsBefore);
    });
});
