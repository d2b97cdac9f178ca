import * as assert from 'node:assert';
import { useSignedInSandbox } from './runAz';

// The emulator's clock, seen by the stock Azure CLI: a registry on a versionless key shows a new key version only
// once ACR has picked it up ("within one hour"), not at once.
describe('stock Azure CLI: a new key version is picked up within the hour (emulator clock)', function () {
    this.timeout(180_000);
    const signedIn = useSignedInSandbox();
    const az = signedIn.az;

    it('az acr encryption show keeps the old version until an hour after the new one, then shows the new one', async () => {
        const registries: { name: string; encryption?: { status?: string; keyVaultProperties?: { keyIdentifier?: string; identity?: string } } }[] = await az(
            'acr',
            'list',
        );
        // A versionless key reached through an access-policy vault, where the signed-in principal may create keys.
        const registry = registries.find(
            (r) =>
                r.encryption?.status === 'enabled' &&
                /\/keys\/[^/]+$/.test(r.encryption.keyVaultProperties?.keyIdentifier ?? '') &&
                /\/\/kv-ap-/.test(r.encryption.keyVaultProperties?.keyIdentifier ?? ''),
        );
        assert.ok(registry, 'the sample world has a registry on a versionless key in an access-policy vault');
        const before = await az('acr', 'encryption', 'show', '-n', registry.name);
        const keyId: string = before.keyVaultProperties.keyIdentifier;
        const created = await az(
            'rest',
            '--method',
            'post',
            '--url',
            `${keyId}/create?api-version=7.4-preview.1`,
            '--resource',
            signedIn.sandbox.environment.keyVaultAudience,
            '--body',
            '{"kty":"RSA"}',
        );
        const newVersion: string = created.key.kid;
        assert.notStrictEqual(before.keyVaultProperties.versionedKeyIdentifier, newVersion);

        const clock = async (advance: string) => {
            const response = await signedIn.sandbox.request('POST', new URL('clock', signedIn.sandbox.environment.adminEndpoint).toString(), { advance });
            assert.strictEqual(response.status, 200, JSON.stringify(response.body));
        };
        await clock('PT30M');
        const halfway = await az('acr', 'encryption', 'show', '-n', registry.name);
        assert.strictEqual(halfway.keyVaultProperties.versionedKeyIdentifier, before.keyVaultProperties.versionedKeyIdentifier, 'not yet after 30 minutes');
        await clock('PT31M');
        const after = await az('acr', 'encryption', 'show', '-n', registry.name);
        assert.strictEqual(after.keyVaultProperties.versionedKeyIdentifier, newVersion);
        assert.strictEqual(after.keyVaultProperties.keyIdentifier, keyId, 'still versionless');
        assert.ok(after.keyVaultProperties.lastKeyRotationTimestamp, 'ACR records the rotation');
        const shown = await az('acr', 'show', '-n', registry.name);
        assert.strictEqual(shown.encryption.keyVaultProperties.versionedKeyIdentifier, newVersion);
    });
});
