import * as assert from 'node:assert';
import { useSignedInSandbox } from './runAz';

interface RegistryView {
    id: string;
    name: string;
    identity?: { userAssignedIdentities?: Record<string, { principalId: string; clientId: string }> };
    encryption?: { status?: string; keyVaultProperties?: { keyIdentifier?: string; identity?: string } };
}

// `az acr check-health` reports CMK_ERROR from the registry's own properties (the encryption identity must still be
// one of the registry's identities, and resolve), not from any API reporting key access (azure-cli acr/check_health.py,
// _check_registry_health). Against the emulator it therefore stays silent about a revoked vault permission, as it does
// against Azure, and names the registry once its encryption identity is removed.
describe('stock Azure CLI: az acr check-health and customer-managed keys', function () {
    this.timeout(300_000);
    const signedIn = useSignedInSandbox();
    const az = signedIn.az;

    const checkHealth = async (name: string): Promise<string> => {
        const result = await signedIn.sandbox.az(['acr', 'check-health', '-n', name, '--ignore-errors', '--yes'], { timeoutMs: 120_000 });
        assert.strictEqual(result.exitCode, 0, `check-health ignores errors and exits 0:\n${result.stderr}`);
        return `${result.stdout}\n${result.stderr}`; // az logs its OK lines and errors on stderr
    };
    const keyAccess = async (registryId: string): Promise<{ accessible: boolean; reason: string }> => {
        const url = new URL(`key-access?registry=${encodeURIComponent(registryId)}`, signedIn.sandbox.environment.adminEndpoint).toString();
        const response = await signedIn.sandbox.request('GET', url);
        assert.strictEqual(response.status, 200, JSON.stringify(response.body));
        return response.body as { accessible: boolean; reason: string };
    };

    it('says nothing of a revoked key permission (it cannot see it), and reports CMK_ERROR once the encryption identity is removed', async () => {
        const registries: RegistryView[] = await az('acr', 'list');
        // A user-assigned encryption identity reaching its key through an access-policy vault.
        const registry = registries.find(
            (r) =>
                r.encryption?.status === 'enabled' &&
                /^[0-9a-f-]{36}$/i.test(r.encryption.keyVaultProperties?.identity ?? '') &&
                /\/\/kv-ap-/.test(r.encryption.keyVaultProperties?.keyIdentifier ?? ''),
        );
        assert.ok(registry, 'the sample world has a CMK registry with a user-assigned identity on an access-policy vault');
        const clientId = registry.encryption!.keyVaultProperties!.identity!;
        const [identityId, identity] = Object.entries(registry.identity?.userAssignedIdentities ?? {}).find(([, v]) => v.clientId === clientId) ?? [];
        assert.ok(identityId && identity, 'the encryption identity is assigned to the registry');
        const vaultName = new URL(registry.encryption!.keyVaultProperties!.keyIdentifier!).hostname.split('.')[0]!;

        const healthy = await checkHealth(registry.name);
        assert.doesNotMatch(healthy, /CMK_ERROR/, 'a working CMK registry has no CMK line');
        assert.strictEqual((await keyAccess(registry.id)).accessible, true);

        await az('keyvault', 'delete-policy', '-n', vaultName, '--object-id', identity.principalId);
        const revoked = await keyAccess(registry.id);
        assert.strictEqual(revoked.accessible, false, 'the registry really lost its key');
        assert.doesNotMatch(await checkHealth(registry.name), /CMK_ERROR/, 'check-health reads only registry properties: a vault permission is beyond it');

        await az('acr', 'identity', 'remove', '-n', registry.name, '--identities', identityId);
        const shown: RegistryView = await az('acr', 'show', '-n', registry.name);
        assert.strictEqual(shown.encryption?.keyVaultProperties?.identity, clientId, 'ACR keeps the encryption identity in the encryption block');
        const broken = await checkHealth(registry.name);
        assert.match(broken, /CMK_ERROR/);
        assert.ok(broken.includes(`The identity used for registry '${registry.name}' encryption doesn't exist.`), broken);
    });
});
