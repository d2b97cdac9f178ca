// Runs "Create Registry with Customer-Managed Key" in the real extension host, its prompts answered in order
// (runCommandWithInputs), then checks the emulator and the tree agree.
import * as assert from 'node:assert';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { subscriptionsOf, type EmulatorWorld } from '../worldExpectations';
import { runCommandWithInputs } from './commandInputs';
import { creation } from './createInputs';
import { activateExtension } from './extensionApi';

describe('Create Registry with Customer-Managed Key (scripted answers)', () => {
    it('creates a Premium CMK registry whose key is reachable, and shows it in the tree with encryption enabled', async function () {
        this.timeout(180000);
        const api = await activateExtension();
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const subscription = subscriptionsOf(world)[0];
        assert.ok(subscription, 'the emulator has a subscription');
        const suffix = Date.now().toString(36).slice(-6);
        const registryName = `e2ecmk${suffix}`;
        const registryId = await runCommandWithInputs<string>(
            'acrCmk.createEncryptedRegistry',
            [],
            [
                subscription.subscriptionId,
                creation.newGroup,
                `rg-e2e-${suffix}`,
                'eastus',
                registryName,
                creation.newIdentity,
                `id-e2e-${suffix}`,
                creation.newVault,
                `kv-e2e-${suffix}`,
                '7',
                creation.newKey,
                `key-e2e-${suffix}`,
                'RSA 2048',
                creation.versionless,
                creation.confirm,
            ],
        );
        assert.ok(registryId && registryId.endsWith(`/registries/${registryName}`), `the command returned the new registry id (${String(registryId)})`);
        const access = await keyAccessNow(registryId);
        assert.strictEqual(access.accessible, true, access.reason);

        const tree = await api.getTreeSnapshot();
        const row = tree.find((r) => r.label === subscription.displayName)?.children?.find((r) => r.label === registryName);
        assert.ok(row, `the tree shows ${registryName} under ${subscription.displayName}`);
        assert.match(row.contextValue ?? '', /^registry;encryption:cmk(;|$)/);
    });
});
