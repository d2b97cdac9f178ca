// The emulator as a custom cloud whose every name differs from public Azure's — ARM host, authority, token
// audience, a NON-default Key Vault DNS suffix, ACR login-server suffix — driven through the domain layer exactly
// as the extension is (custom-cloud settings, service principal): list, create and rotate work end to end and the
// key identifiers they produce carry that suffix; a key id of another cloud is refused before any request.
import * as assert from 'node:assert/strict';
import { azureChinaCloud, azureCloud, azureUSGovernment } from '../../../src/domain/cloud/knownClouds';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { executeCreate } from '../../../src/domain/create/executeCreate';
import { preflightCreate } from '../../../src/domain/create/preflight';
import { DomainError } from '../../../src/domain/errors';
import { parseKeyIdentifier } from '../../../src/domain/keys/keyIdentifier';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { listRegistriesInSubscription } from '../../../src/domain/registries/listRegistries';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { planRotation } from '../../../src/domain/rotate/planRotation';
import type { RotationConsent } from '../../../src/domain/rotate/RotationRequest';
import { runRotation } from '../../../src/domain/rotate/runRotation';
import { emulatorAdmin } from '../access/emulatorAdmin';
import { allNewPlan } from '../create/createFixture';
import { startEmulatorWorld, type EmulatorWorld } from '../domain/emulatorWorld';

const vaultSuffix = 'keys.contoso.localhost';
const consent: RotationConsent = { grantAccess: true, assignIdentity: true };
const hostOf = (value: string) => new URL(value.includes('://') ? value : `https://${value}`).hostname;

describe('custom cloud end to end: nothing assumes public-cloud names', function () {
    this.timeout(180000);
    let world: EmulatorWorld;
    let admin: ReturnType<typeof emulatorAdmin>;
    let factory: AzureClientFactory;
    let subscriptionIds: string[];
    let suffixWithPort: string;
    let created: { registryId: string; keyIdentifier: string } | undefined;

    before(async () => {
        world = await startEmulatorWorld({ keyVaultDnsSuffix: vaultSuffix, seed: 'sample' });
        admin = emulatorAdmin(world);
        const targets = await world.source.listAllSubscriptions();
        assert.ok(targets[0], 'the emulator has subscriptions');
        factory = targets[0].factory;
        subscriptionIds = targets.map((target) => target.subscriptionId);
        suffixWithPort = `${vaultSuffix}:${world.emulator.port}`;
    });
    after(() => world?.stop());

    it('is configured with a cloud that shares no host or suffix with any Azure cloud', () => {
        const { cloud } = world;
        assert.equal(cloud.keyVaultDnsSuffix, suffixWithPort, 'the non-default vault suffix is what the extension is told');
        const azureHosts = [azureCloud, azureChinaCloud, azureUSGovernment].flatMap((known) =>
            [
                known.resourceManagerEndpoint,
                known.resourceManagerAudience,
                known.authorityHost,
                known.keyVaultDnsSuffix,
                known.acrLoginServerSuffix,
                known.portalUrl,
            ].map(hostOf),
        );
        for (const value of [
            cloud.resourceManagerEndpoint,
            cloud.resourceManagerAudience,
            cloud.authorityHost,
            cloud.keyVaultDnsSuffix,
            cloud.acrLoginServerSuffix,
            cloud.portalUrl,
        ]) {
            const host = hostOf(value);
            assert.ok(!azureHosts.some((azure) => host === azure || host.endsWith(`.${azure}`)), `${value} is not an Azure name`);
        }
    });

    it('lists every registry; CMK key ids carry the custom vault suffix and login servers the custom ACR suffix', async () => {
        const listed: RegistrySummary[] = [];
        for (const subscriptionId of subscriptionIds) listed.push(...(await listRegistriesInSubscription(factory, subscriptionId)));
        const state = await admin.state();
        assert.deepEqual(listed.map((r) => r.id.toLowerCase()).sort(), Object.keys(state.registries).sort());
        const cmk = listed.filter((r) => r.encryption.status === 'enabled');
        assert.ok(cmk.length > 0 && cmk.length < listed.length, 'the sample world mixes CMK and non-CMK registries');
        for (const registry of cmk) {
            assert.ok(registry.encryption.status === 'enabled' && registry.encryption.key, `${registry.name}: key id parsed in the custom cloud`);
            assert.ok(registry.encryption.key.vaultUrl.endsWith(`.${suffixWithPort}`), registry.encryption.keyIdentifier);
        }
        for (const registry of listed) assert.ok(registry.loginServer?.endsWith(world.cloud.acrLoginServerSuffix), registry.loginServer);
    });

    it('creates a CMK registry (new group, identity, vault, key) whose key id carries the custom vault suffix', async () => {
        const plan = allNewPlan(subscriptionIds[0] ?? '', { versionless: true });
        await preflightCreate(factory, plan);
        const result = await executeCreate(factory, plan);
        const vaultName = plan.vault.kind === 'new' ? plan.vault.name : '';
        assert.equal(result.keyIdentifier, `https://${vaultName}.${suffixWithPort}/keys/${plan.key.name}`);
        const registry = await getRegistry(factory, result.registryId);
        assert.ok(registry.encryption.status === 'enabled' && registry.encryption.key, 'encryption enabled with a parsable key id');
        assert.equal(registry.encryption.key.vaultUrl, `https://${vaultName}.${suffixWithPort}`);
        assert.equal((await admin.keyAccess(result.registryId)).accessible, true);
        created = result;
    });

    it('rotates that registry to a new, pinned key version whose id carries the custom vault suffix', async () => {
        assert.ok(created, 'the create test ran first');
        const plan = await planRotation(factory, {
            registryId: created.registryId,
            key: { kind: 'newVersion' },
            versionless: false,
            identity: { kind: 'keep' },
            consent,
        });
        const result = await runRotation(factory, plan);
        assert.ok(result.createdVersion, 'a version was created');
        const registry = await getRegistry(factory, created.registryId);
        const stored = registry.raw.encryption?.keyVaultProperties?.keyIdentifier ?? '';
        assert.equal(stored, `${created.keyIdentifier}/${result.createdVersion}`);
        assert.equal(parseKeyIdentifier(stored, world.cloud).vaultUrl, new URL(created.keyIdentifier).origin);
        assert.equal((await admin.keyAccess(created.registryId)).accessible, true);
    });

    for (const [other, keyId] of [
        [azureChinaCloud, 'https://kvchina1.vault.azure.cn/keys/cmk'],
        [azureCloud, 'https://kvpublic1.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef'],
    ] as const) {
        it(`refuses a key id of ${other.name} (${hostOf(keyId)}) with a structured error, before any request`, async () => {
            assert.ok(created, 'the create test ran first');
            const { lastSeq } = await admin.requests();
            await assert.rejects(
                planRotation(factory, {
                    registryId: created.registryId,
                    key: { kind: 'existing', keyId },
                    versionless: true,
                    identity: { kind: 'keep' },
                    consent,
                }),
                (error: unknown) => {
                    assert.ok(error instanceof DomainError, String(error));
                    assert.equal(error.code, 'KeyIdOtherCloud');
                    assert.deepEqual({ ...error.params }, { keyId, host: hostOf(keyId), cloud: other.name, expectedSuffix: suffixWithPort });
                    return true;
                },
            );
            const { requests } = await admin.requests(lastSeq);
            assert.deepEqual(
                requests.filter((r) => !r.path.startsWith('/_emulator')).map((r) => `${r.method} ${r.host}${r.path}`),
                [],
                'no request reached the emulator',
            );
        });
    }
});
