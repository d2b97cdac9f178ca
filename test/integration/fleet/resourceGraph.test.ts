import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { SubscriptionTarget } from '../../../src/auth/SubscriptionSource';
import { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { queryResourceGraph } from '../../../src/domain/azure/resourceGraph';
import { keysInUse } from '../../../src/domain/fleet/keysInUse';
import { readFleet, registriesQuery } from '../../../src/domain/fleet/readFleet';
import { findRegistriesSharingIdentity } from '../../../src/domain/revoke/sharedAccess';
import { configureGraph, defaultGraphSettings } from '../../emulator/graph/resourceGraph';
import type { RunningEmulator } from '../../emulator/index';
import { connectToEmulator, emulatorCloud } from '../../support/connectToEmulator';
import { call, credentialFor, startForSuite } from '../emulator/harness';
import { userCredential } from '../emulator/signInDriver';

// The fleet through Azure Resource Graph (the emulator's: KQL subset, pages, quota, lag), against one listing per
// subscription through Resource Manager: the same registries and vaults, whichever way they are read.
describe('fleet: registries and key vaults of every subscription through Resource Graph', function () {
    this.timeout(180_000);
    let emu: RunningEmulator;
    let targets: SubscriptionTarget[];
    const graphUrl = () => `${emu.environment.armEndpoint}providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01`;
    const token = async () => (await credentialFor(emu).getToken(`${emu.environment.armAudience}.default`))!.token;

    before(async () => {
        emu = await startForSuite('fleet-graph', { seed: 'subscriptions=3,registries=24,cmk=0.5' });
        const { source } = await connectToEmulator(emu.environment, readFileSync(emu.environment.caCertPath, 'utf8'));
        targets = await source.listAllSubscriptions();
    });
    afterEach(() => configureGraph(emu.context, defaultGraphSettings));
    after(() => emu.stop());

    it('reads the same registries (with their encryption) and vaults as one Resource Manager listing per subscription', async () => {
        const graph = await readFleet(targets, 'resourceGraph');
        const arm = await readFleet(targets, 'resourceManager');
        assert.equal(graph.source, 'resourceGraph');
        assert.equal(arm.source, 'resourceManager');
        const registries = (fleet: typeof graph) =>
            fleet.registries.map((r) => [
                r.id.toLowerCase(),
                r.sku,
                r.encryption.status,
                r.encryption.status === 'enabled' ? [r.encryption.keyIdentifier, r.encryption.currentVersion, r.encryption.identity?.kind] : [],
            ]);
        assert.deepEqual(registries(graph), registries(arm));
        assert.ok(graph.registries.length >= 24, 'every seeded registry');
        assert.deepEqual(
            graph.vaults.map((v) => [v.id.toLowerCase(), v.vaultUri, v.enableRbacAuthorization, v.enablePurgeProtection]),
            arm.vaults.map((v) => [v.id.toLowerCase(), v.vaultUri, v.enableRbacAuthorization, v.enablePurgeProtection]),
        );
        assert.ok(keysInUse(graph).length > 0, 'the seeded CMK registries hang on keys');
        assert.deepEqual(
            keysInUse(graph).map((v) => v.keys.map((k) => k.users.length)),
            keysInUse(arm).map((v) => v.keys.map((k) => k.users.length)),
        );
    });

    it('follows every page when Resource Graph sends fewer rows than asked', async () => {
        configureGraph(emu.context, { pageLimit: 4, quota: 1000 });
        const before = emu.context.log.lastSeq;
        const paged = await readFleet(targets, 'resourceGraph');
        const pages = emu.context.log.since(before).filter((r) => /ResourceGraph/i.test(r.path)).length;
        configureGraph(emu.context, defaultGraphSettings);
        const whole = await readFleet(targets, 'resourceGraph');
        assert.deepEqual(
            paged.registries.map((r) => r.id),
            whole.registries.map((r) => r.id),
        );
        assert.deepEqual(
            paged.vaults.map((v) => v.id),
            whole.vaults.map((v) => v.id),
        );
        assert.ok(pages >= Math.ceil(whole.registries.length / 4) + Math.ceil(whole.vaults.length / 4), `one request per page (${pages})`);
    });

    it('pages with $skipToken (projected id), answers lower-case types and resource groups, and refuses KQL it does not know as InvalidQuery', async () => {
        const bearer = await token();
        const subscriptions = emu.environment.subscriptions.map((s) => s.id);
        const ids: string[] = [];
        let skipToken: string | undefined;
        let pages = 0;
        do {
            const page = await call(emu, 'POST', graphUrl(), {
                token: bearer,
                body: {
                    subscriptions,
                    query: "Resources | where type =~ 'Microsoft.ContainerRegistry/registries' | project id, type, resourceGroup",
                    options: { $top: 5, ...(skipToken ? { $skipToken: skipToken } : {}) },
                },
            });
            assert.equal(page.status, 200);
            assert.ok(page.body.count <= 5);
            for (const row of page.body.data) {
                assert.equal(row.type, 'microsoft.containerregistry/registries');
                assert.equal(row.resourceGroup, String(row.resourceGroup).toLowerCase());
                ids.push(row.id);
            }
            skipToken = page.body.$skipToken;
            pages++;
        } while (skipToken);
        assert.equal(new Set(ids).size, ids.length, 'no row twice');
        assert.equal(ids.length, Object.keys(emu.context.world.registries).length);
        assert.ok(pages >= 5);
        const bad = await call(emu, 'POST', graphUrl(), { token: bearer, body: { subscriptions, query: 'Resources | join (Resources) on id' } });
        assert.equal(bad.status, 400);
        assert.deepEqual(
            bad.body.error.details.map((d: { code: string }) => d.code),
            ['InvalidQuery', 'ParserFailure'],
        );
    });

    it('waits out the spent user quota (429 with x-ms-user-quota-resets-after) instead of failing', async () => {
        configureGraph(emu.context, { quota: 1, windowMs: 1500 });
        const before = emu.context.log.lastSeq;
        const rows = await queryResourceGraph(
            targets[0]!.factory,
            emu.environment.subscriptions.map((s) => s.id),
            registriesQuery,
        );
        const again = await queryResourceGraph(
            targets[0]!.factory,
            emu.environment.subscriptions.map((s) => s.id),
            registriesQuery,
        );
        assert.equal(again.length, rows.length);
        const answers = emu.context.log
            .since(before)
            .filter((r) => /ResourceGraph/i.test(r.path))
            .map((r) => r.status);
        assert.ok(answers.includes(429), `the quota was spent on the way: ${answers.join(',')}`);
        assert.equal(answers.at(-1), 200);
    });

    it('shows changes only after the indexing lag, as Resource Graph does; Resource Manager has them at once', async () => {
        configureGraph(emu.context, { lagMs: 10 * 60 * 1000 });
        const first = await readFleet(targets, 'resourceGraph');
        const target = targets[0]!;
        const group = first.registries.find((r) => r.subscriptionId.toLowerCase() === target.subscriptionId.toLowerCase())!.resourceGroup;
        const client = await target.factory.containerRegistry(target.subscriptionId);
        await client.registries.create(group, 'lagprobe1', { location: 'eastus', sku: { name: 'Basic' } });
        const lagging = await readFleet(targets, 'resourceGraph');
        assert.equal(
            lagging.registries.some((r) => r.name === 'lagprobe1'),
            false,
            'not indexed yet',
        );
        assert.equal(
            (await readFleet(targets, 'resourceManager')).registries.some((r) => r.name === 'lagprobe1'),
            true,
        );
        configureGraph(emu.context, { lagMs: 0 });
        assert.equal(
            (await readFleet(targets, 'resourceGraph')).registries.some((r) => r.name === 'lagprobe1'),
            true,
            'indexed after the lag',
        );
    });

    it('auto falls back to Resource Manager where Resource Graph is not there (a custom cloud without it), saying why', async () => {
        const rule = await call(emu, 'POST', `${emu.environment.adminEndpoint}faults`, {
            body: {
                pathPattern: 'Microsoft\\.ResourceGraph',
                action: { status: 404, code: 'NoRegisteredProviderFound', message: 'No registered resource provider found for location and API version.' },
            },
        });
        assert.equal(rule.status, 201);
        try {
            const fleet = await readFleet(targets, 'auto');
            assert.equal(fleet.source, 'resourceManager');
            assert.match(fleet.graphFailure ?? '', /No registered resource provider/);
            assert.ok(fleet.registries.length >= 24);
            await assert.rejects(readFleet(targets, 'resourceGraph'));
        } finally {
            await call(emu, 'DELETE', `${emu.environment.adminEndpoint}faults`);
        }
    });

    it('a user sees through Resource Graph only the subscriptions their roles let them read', async () => {
        const credential = userCredential(emu, 'reader@emulator.localhost');
        const factory = new AzureClientFactory({
            cloud: emulatorCloud(emu.environment, readFileSync(emu.environment.caCertPath, 'utf8')),
            credential,
            getVaultCredential: () => credential,
        });
        const all = emu.environment.subscriptions.map((s) => s.id);
        const rows = await queryResourceGraph(factory, all, registriesQuery);
        const seen = new Set(rows.map((row) => String(row.id).split('/')[2]!.toLowerCase()));
        assert.deepEqual([...seen], [all[0]!.toLowerCase()]);
    });
});

describe('blast radius: the registries that share an identity on a vault', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    before(async () => {
        emu = await startForSuite('fleet-sharing', { seed: 'subscriptions=2,registries=20,cmk=0.8' });
    });
    after(() => emu.stop());

    it('names every other registry reaching the same vault through the same user-assigned identity, in any subscription, and no other', async () => {
        const { source } = await connectToEmulator(emu.environment, readFileSync(emu.environment.caCertPath, 'utf8'));
        const targets = await source.listAllSubscriptions();
        const fleet = await readFleet(targets, 'resourceManager');
        const world = Object.values(emu.context.world.registries);
        const hostOf = (keyId: string) => new URL(keyId).host.toLowerCase();
        let checked = 0;
        for (const registry of fleet.registries) {
            if (registry.encryption.status !== 'enabled' || registry.encryption.identity?.kind !== 'user') continue;
            const own = world.find((r) => r.id.toLowerCase() === registry.id.toLowerCase())!;
            const expected = world
                .filter(
                    (r) =>
                        r.id.toLowerCase() !== own.id.toLowerCase() &&
                        r.encryption?.keyVaultProperties &&
                        r.encryption.keyVaultProperties.identity === own.encryption!.keyVaultProperties!.identity &&
                        hostOf(r.encryption.keyVaultProperties.keyIdentifier) === hostOf(own.encryption!.keyVaultProperties!.keyIdentifier),
                )
                .map((r) => r.name)
                .sort();
            const found = await findRegistriesSharingIdentity(
                targets[0]!.factory,
                targets.map((t) => t.subscriptionId),
                registry,
            );
            assert.deepEqual(
                found.map((r) => r.name),
                expected,
                registry.name,
            );
            checked++;
        }
        assert.ok(checked > 3, 'registries with user-assigned identities were checked');
    });
});
