import * as assert from 'node:assert/strict';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { listRegistriesInSubscription } from '../../../src/domain/registries/listRegistries';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { listRepositories, listRepositoryTags } from '../../../src/domain/registryData/listRepositories';
import { verifyDataAccess } from '../../../src/domain/registryData/verifyDataAccess';
import { waitUntilReadable } from '../../../src/domain/registryData/waitUntilReadable';
import { planRestore, runRestore } from '../../../src/domain/restore/restoreKeyAccess';
import { planRevoke, runRevoke } from '../../../src/domain/revoke/revokeKeyAccess';
import { MemoryStorage, StoredRevocations } from '../../../src/domain/revoke/RevocationRecord';
import { startEmulatorWorld, type EmulatorWorld } from '../domain/emulatorWorld';

// @azure/container-registry against each registry's login server as Resource Manager reports it, with the same
// custom-cloud connection (CA, Resource Manager audience) as every other client: catalog, tags, one manifest's bytes.
describe('registry data: repositories and verified data access (@azure/container-registry, emulator)', function () {
    this.timeout(120_000);
    let world: EmulatorWorld;
    let factory: AzureClientFactory;
    let subscriptionIds: string[];
    let registries: RegistrySummary[];
    const cmkOnPolicyVault = () => registries.find((r) => r.encryption.status === 'enabled' && r.encryption.key?.vaultName.startsWith('kv-ap-'))!;

    before(async () => {
        world = await startEmulatorWorld({ seed: 'sample' });
        const targets = await world.source.listAllSubscriptions();
        factory = targets[0]!.factory;
        subscriptionIds = targets.map((t) => t.subscriptionId);
        registries = (await Promise.all(targets.map((t) => listRegistriesInSubscription(t.factory, t.subscriptionId)))).flat();
        assert.ok(cmkOnPolicyVault(), 'the sample world has a CMK registry on an access-policy vault');
    });
    after(() => world?.stop());

    it('lists the repositories and tag counts of a seeded registry, reached at the loginServer Resource Manager reports', async () => {
        const registry = cmkOnPolicyVault();
        assert.equal(registry.loginServer, `${registry.name}${world.emulator.environment.acrLoginServerSuffix}`);
        const listing = await listRepositories(factory, registry);
        assert.equal(listing.kind, 'listed');
        assert.deepEqual(listing.kind === 'listed' && listing.repositories, [
            { name: 'hello-world', tagCount: 2 },
            { name: 'tools/checksum', tagCount: 1 },
        ]);
        const tags = await listRepositoryTags(factory, registry, 'hello-world');
        assert.equal(tags.kind, 'listed');
        assert.deepEqual(tags.kind === 'listed' && tags.tags.map((t) => t.tag).sort(), ['latest', 'v1']);
        assert.ok(tags.kind === 'listed' && tags.tags.every((t) => /^sha256:[0-9a-f]{64}$/.test(t.digest)));
        const { requests } = await world.requests();
        const host = registry.loginServer!.toLowerCase();
        assert.ok(
            requests.some((r) => r.host === host && r.path === '/oauth2/exchange' && r.status === 200),
            'the Entra token was exchanged at the login server',
        );
    });

    it("verifyDataAccess reads the catalog and a manifest: readable → denied (ACR's 403 DENIED) after Revoke → readable again after Restore", async () => {
        const registry = cmkOnPolicyVault();
        const before = await verifyDataAccess(factory, registry);
        assert.equal(before.kind, 'readable');
        assert.equal(before.kind === 'readable' && before.repositoryCount, 2);
        assert.deepEqual(before.kind === 'readable' && { repository: before.manifest?.repository, reference: before.manifest?.reference }, {
            repository: 'hello-world',
            reference: 'latest',
        });
        assert.match(before.kind === 'readable' ? (before.manifest?.digest ?? '') : '', /^sha256:[0-9a-f]{64}$/);

        const store = new StoredRevocations(new MemoryStorage());
        const plan = await planRevoke(factory, { registryId: registry.id, method: { kind: 'removeAccess' }, subscriptionIds });
        await runRevoke(factory, plan, store, registry.name);
        const revoked = await verifyDataAccess(factory, registry);
        assert.equal(revoked.kind, 'denied', JSON.stringify(revoked));
        assert.ok(revoked.kind === 'denied');
        assert.equal(revoked.statusCode, 403);
        assert.equal(revoked.code, 'DENIED');
        assert.match(revoked.message, /^Failed to access KeyId '.+'\. Verify that identity '.+' has 'Get, Wrap Key, Unwrap Key' permission/);
        const listing = await listRepositories(factory, registry);
        assert.equal(listing.kind, 'denied', 'the tree shows the same refusal');

        await runRestore(factory, await planRestore(factory, registry.id, store, subscriptionIds), store);
        const readings: string[] = [];
        const waited = await waitUntilReadable(factory, registry, { timeoutMs: 20_000, firstDelayMs: 100, onReading: (r) => readings.push(r.kind) });
        assert.equal(waited.result.kind, 'readable');
        assert.deepEqual(readings, ['readable']);
        assert.equal(
            waited.result.kind === 'readable' && waited.result.manifest?.digest,
            before.kind === 'readable' && before.manifest?.digest,
            'the same bytes again',
        );
    });

    it('waitUntilReadable gives up at its bound with the last reading while access stays revoked', async () => {
        const registry = cmkOnPolicyVault();
        const store = new StoredRevocations(new MemoryStorage());
        const plan = await planRevoke(factory, { registryId: registry.id, method: { kind: 'disableKey', versions: 'inUse' }, subscriptionIds });
        await runRevoke(factory, plan, store, registry.name);
        try {
            const readings: string[] = [];
            const waited = await waitUntilReadable(factory, registry, {
                timeoutMs: 1_500,
                firstDelayMs: 200,
                maxDelayMs: 400,
                onReading: (r) => readings.push(r.kind),
            });
            assert.equal(waited.result.kind, 'denied');
            assert.ok(waited.attempts >= 3 && readings.every((kind) => kind === 'denied'), `${waited.attempts} readings: ${readings.join(', ')}`);
            assert.ok(waited.waitedMs >= 1_500 && waited.waitedMs < 10_000, `waited ${waited.waitedMs} ms`);
        } finally {
            await runRestore(factory, await planRestore(factory, registry.id, store, subscriptionIds), store);
        }
    });

    it('a service-managed registry is readable; a registry without a login server is unreachable without a request', async () => {
        const plain = registries.find((r) => r.encryption.status === 'disabled')!;
        assert.equal((await verifyDataAccess(factory, plain)).kind, 'readable');
        const none = await verifyDataAccess(factory, { name: 'nologin' });
        assert.deepEqual(none, { kind: 'unreachable', reason: 'nologin', noLoginServer: true });
    });

    it("a login server that does not answer is unreachable with the network's reason", async () => {
        const result = await verifyDataAccess(factory, { name: 'gone', loginServer: 'gone.invalid' });
        assert.equal(result.kind, 'unreachable');
        assert.match(result.kind === 'unreachable' ? result.reason : '', /ENOTFOUND|getaddrinfo|gone\.invalid/);
    });
});
