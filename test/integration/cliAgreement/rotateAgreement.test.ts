// After Rotate Key (domain layer) the stock Azure CLI, against the same emulator, reports exactly the key and
// identity the flow switched to: first to another user-assigned identity (and another key, pinned), then to
// the registry's system-assigned identity (versionless). `az keyvault show` confirms the grant the flow made.
import * as assert from 'node:assert/strict';
import { rotate } from '../rotate/rotateAssertions';
import { rg, startRotateWorld, type RotateWorld } from '../rotate/rotateWorld';
import { azUnavailableReason, startAzSession, type AzSession } from './azSession';

interface AzRegistryIdentity { type: string; principalId?: string; userAssignedIdentities?: Record<string, { clientId: string; principalId: string }> }
interface AzVault { properties: { accessPolicies: { objectId: string; permissions: { keys?: string[] } }[] } }

describe('rotate flow vs the stock Azure CLI (az acr encryption show)', function () {
    this.timeout(240000);
    let w: RotateWorld;
    let cli: AzSession;
    let registryId: string;
    const registryName = 'clirotate';

    before(async function () {
        const unavailable = azUnavailableReason();
        if (unavailable) {
            console.log(`      skipped: ${unavailable}`);
            this.skip();
        }
        w = await startRotateWorld();
        cli = await startAzSession(w.world.emulator.environment);
        registryId = (await w.newRegistry(registryName, { versionless: true })).id;
    });
    after(async () => {
        cli?.dispose();
        await w?.stop();
    });

    const show = () => cli.encryptionShow(registryName, rg, w.subscriptionA);
    const identities = () => cli.az<AzRegistryIdentity>('acr', 'identity', 'show', '-n', registryName, '-g', rg, '--subscription', w.subscriptionA);
    const keyPermissionsOf = async (principalId: string) => {
        const vault = await cli.az<AzVault>('keyvault', 'show', '-n', w.ap.name, '-g', rg, '--subscription', w.subscriptionA);
        const policy = vault.properties.accessPolicies.find((p) => p.objectId.toLowerCase() === principalId.toLowerCase());
        return [...(policy?.permissions.keys ?? [])].map((k) => k.toLowerCase()).sort();
    };

    it('starts where the fixture put it: versionless key1 with the granted user-assigned identity', async () => {
        const shown = await show();
        assert.equal(shown.keyVaultProperties?.keyIdentifier, `${w.ap.uri}keys/key1`);
        assert.equal(shown.keyVaultProperties?.identity, w.granted.clientId);
    });

    it('user-assigned → another user-assigned identity, other key pinned: the CLI shows that key version and that identity', async () => {
        const result = await rotate(w, { registryId, key: { kind: 'existing', keyId: w.ap.keys.key2! }, versionless: false, identity: { kind: 'user', resourceId: w.other.id! } });
        assert.ok(result.completed.includes('assignIdentity') && result.completed.includes('grantAccess'), `steps: ${result.completed.join(', ')}`);
        const shown = await show();
        assert.equal(shown.status, 'enabled');
        assert.equal(shown.keyVaultProperties?.keyIdentifier, w.ap.keys.key2, 'the exact version chosen');
        assert.equal(shown.keyVaultProperties?.versionedKeyIdentifier, w.ap.keys.key2);
        assert.equal(shown.keyVaultProperties?.keyRotationEnabled, false);
        assert.equal(shown.keyVaultProperties?.identity, w.other.clientId);
        const assigned = Object.keys((await identities()).userAssignedIdentities ?? {}).map((id) => id.toLowerCase());
        assert.ok(assigned.includes(w.other.id!.toLowerCase()), `the other identity is assigned to the registry (${assigned.join(', ')})`);
        assert.deepEqual(await keyPermissionsOf(w.other.principalId!), ['get', 'unwrapkey', 'wrapkey']);
        assert.equal((await w.keyAccess(registryId)).accessible, true);
    });

    it('→ the system-assigned identity, versionless: the CLI shows "system" and the system identity holds the grant', async () => {
        await rotate(w, { registryId, key: { kind: 'existing', keyId: `${w.ap.uri}keys/key2` }, versionless: true, identity: { kind: 'system' } });
        const shown = await show();
        assert.equal(shown.keyVaultProperties?.keyIdentifier, `${w.ap.uri}keys/key2`);
        assert.equal(shown.keyVaultProperties?.versionedKeyIdentifier, w.ap.keys.key2);
        assert.equal(shown.keyVaultProperties?.keyRotationEnabled, true);
        assert.equal(shown.keyVaultProperties?.identity.toLowerCase(), 'system');
        const identity = await identities();
        assert.match(identity.type, /SystemAssigned/i);
        assert.ok(identity.principalId, 'the system identity has a principal');
        assert.deepEqual(await keyPermissionsOf(identity.principalId), ['get', 'unwrapkey', 'wrapkey']);
        assert.equal((await w.keyAccess(registryId)).accessible, true);
    });
});
