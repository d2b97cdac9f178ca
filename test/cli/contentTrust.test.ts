import * as assert from 'node:assert';
import { useSignedInSandbox } from './runAz';

// ACR refuses content trust on a registry encrypted with a customer-managed key (BlockedForEncryptionEnabledRegistry);
// the stock Azure CLI's `az acr config content-trust update` shows it, and shows the same command working elsewhere.
describe('stock Azure CLI: content trust on a CMK registry is refused', function () {
    this.timeout(180_000);
    const signedIn = useSignedInSandbox();
    const az = signedIn.az;
    let registries: { name: string; sku: { name: string }; encryption?: { status?: string } }[] = [];

    before(async () => {
        registries = await az('acr', 'list');
    });

    it('az acr config content-trust update --status enabled fails on a CMK registry with BlockedForEncryptionEnabledRegistry', async () => {
        const cmk = registries.find((r) => r.encryption?.status === 'enabled');
        assert.ok(cmk, 'the sample world has a CMK registry in the first subscription');
        const refused = await signedIn.sandbox.az(['acr', 'config', 'content-trust', 'update', '-r', cmk.name, '--status', 'enabled']);
        assert.notStrictEqual(refused.exitCode, 0, refused.stdout);
        assert.match(refused.stderr, /BlockedForEncryptionEnabledRegistry/);
        assert.match(refused.stderr, /this feature 'ContenTrust' is currently not supported when encryption is enable/);
        const after = await az('acr', 'config', 'content-trust', 'show', '-r', cmk.name);
        assert.strictEqual(after.status, 'disabled', 'nothing changed');
    });

    it('the same command enables content trust on a Premium registry without a customer-managed key', async () => {
        await az('group', 'create', '-n', 'rg-trust', '-l', 'eastus');
        const plain = await az('acr', 'create', '-n', 'trustplain01', '-g', 'rg-trust', '--sku', 'Premium');
        assert.strictEqual(plain.encryption.status, 'disabled');
        const enabled = await az('acr', 'config', 'content-trust', 'update', '-r', plain.name, '--status', 'enabled');
        assert.strictEqual(enabled.status, 'enabled');
        assert.strictEqual((await az('acr', 'config', 'content-trust', 'show', '-r', plain.name)).status, 'enabled');
    });
});
