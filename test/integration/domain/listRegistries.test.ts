import * as assert from 'node:assert/strict';
import { getRegistry, showRegistryEncryption } from '../../../src/domain/registries/getRegistry';
import { listRegistriesInSubscriptions } from '../../../src/domain/registries/listRegistries';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { parseKeyIdentifier } from '../../../src/domain/keys/keyIdentifier';
import { DomainError } from '../../../src/domain/errors';
import { startEmulatorWorld, type EmulatorWorld, type LoggedRequest } from './emulatorWorld';

const isRegistryList = (request: LoggedRequest) =>
    request.method === 'GET' && /^\/subscriptions\/[^/]+\/providers\/Microsoft\.ContainerRegistry\/registries\/?$/i.test(request.path);
const isPerRegistry = (request: LoggedRequest) => /\/providers\/Microsoft\.ContainerRegistry\/registries\/[^/]+/i.test(request.path);

describe('domain over the emulator: list registries with encryption', function () {
    this.timeout(120000);
    let world: EmulatorWorld;

    before(async () => {
        // 3 subscriptions × 8 registries, half of them CMK: enough to see both states in every subscription.
        world = await startEmulatorWorld({ seed: 'subscriptions=3,registries=24,cmk=0.5' });
    });
    after(() => world?.stop());

    it('lists the subscriptions of the service principal', async () => {
        const subscriptions = await world.source.listAllSubscriptions();
        assert.deepEqual(subscriptions.map((s) => s.subscriptionId).sort(), world.emulator.environment.subscriptions.map((s) => s.id).sort());
        assert.ok(subscriptions.every((s) => s.name.length > 0));
    });

    it('lists every registry with its encryption state, one list call per subscription and no per-registry call', async () => {
        const targets = await world.source.listAllSubscriptions();
        const { lastSeq } = await world.requests();
        const results = await listRegistriesInSubscriptions(targets);
        const registries = results.flatMap((result) => {
            assert.equal(result.error, undefined, `subscription ${result.subscriptionId} failed: ${String(result.error)}`);
            return result.registries ?? [];
        });
        assert.equal(registries.length, 24);
        const cmk = registries.filter((registry) => registry.encryption.status === 'enabled');
        const plain = registries.filter((registry) => registry.encryption.status === 'disabled');
        assert.ok(cmk.length > 0 && plain.length > 0, `both states present (cmk ${cmk.length}, none ${plain.length})`);
        for (const registry of cmk) {
            assertCmkFields(registry, world);
        }
        for (const result of results) {
            const subscriptionRegistries = result.registries ?? [];
            assert.ok(subscriptionRegistries.every((registry) => registry.subscriptionId.toLowerCase() === result.subscriptionId.toLowerCase()));
        }

        const { requests } = await world.requests(lastSeq);
        const armRequests = requests.filter((request) => !request.path.startsWith('/_emulator'));
        assert.equal(armRequests.filter(isRegistryList).length, targets.length, 'one list per subscription (all fit in one page)');
        assert.deepEqual(
            armRequests.filter(isPerRegistry).map((request) => request.path),
            [],
            'no per-registry request',
        );
    });

    it("reads one registry's encryption like `az acr encryption show`", async () => {
        const [target] = await world.source.listAllSubscriptions();
        assert.ok(target);
        const [result] = await listRegistriesInSubscriptions([target]);
        const listed = result?.registries?.find((registry) => registry.encryption.status === 'enabled');
        assert.ok(listed, 'a CMK registry in the first subscription');
        const document = JSON.parse(await showRegistryEncryption(target.factory, listed.id)) as { status: string; keyVaultProperties: Record<string, unknown> };
        assert.equal(document.status, 'enabled');
        assert.deepEqual(Object.keys(document.keyVaultProperties).sort(), [
            'identity',
            'keyIdentifier',
            'keyRotationEnabled',
            'lastKeyRotationTimestamp',
            'versionedKeyIdentifier',
        ]);
        assert.ok(listed.encryption.status === 'enabled');
        assert.equal(document.keyVaultProperties.keyIdentifier, listed.encryption.keyIdentifier);
        assert.equal(document.keyVaultProperties.versionedKeyIdentifier, listed.encryption.versionedKeyIdentifier);

        const fresh = await getRegistry(target.factory, listed.id);
        assert.deepEqual(fresh.encryption, listed.encryption);
    });

    it('answers a missing registry with RegistryNotFound', async () => {
        const [target] = await world.source.listAllSubscriptions();
        assert.ok(target);
        const missing = `/subscriptions/${target.subscriptionId}/resourceGroups/rg-nowhere/providers/Microsoft.ContainerRegistry/registries/nosuchregistry`;
        await assert.rejects(getRegistry(target.factory, missing), (error: unknown) => error instanceof DomainError && error.code === 'RegistryNotFound');
    });
});

function assertCmkFields(registry: RegistrySummary, world: EmulatorWorld): void {
    const state = registry.encryption;
    assert.ok(state.status === 'enabled');
    assert.equal(registry.sku, 'Premium', `${registry.name}: CMK needs Premium`);
    assert.equal(state.keyError, undefined, `${registry.name}: key id parses for the custom cloud (${state.keyIdentifier})`);
    assert.ok(state.key, registry.name);
    assert.ok(state.key.vaultUrl.endsWith(world.cloud.keyVaultDnsSuffix), `${registry.name}: vault under the emulator's suffix`);
    assert.ok(state.versionedKeyIdentifier, `${registry.name}: versioned key id reported`);
    assert.equal(parseKeyIdentifier(state.versionedKeyIdentifier, world.cloud).keyName, state.key.keyName);
    assert.match(state.currentVersion ?? '', /^[0-9a-z]{32}$/i);
    assert.equal(state.rotation, state.key.version ? 'manual' : 'automatic');
    assert.ok(
        state.identity && (state.identity.kind === 'system' || state.identity.kind === 'user'),
        `${registry.name}: identity resolves (${JSON.stringify(state.identity)})`,
    );
}
