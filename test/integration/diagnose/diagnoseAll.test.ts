import * as assert from 'node:assert/strict';
import { diagnoseAll, type DiagnoseTarget } from '../../../src/domain/diagnose/diagnoseAll';
import { listRegistriesInSubscription } from '../../../src/domain/registries/listRegistries';
import { startEmulatorWorld, type EmulatorWorld, type LoggedRequest } from '../domain/emulatorWorld';

const registryCount = 1000;
const concurrency = 8;

/** Key Vault data-plane requests: the vault is in the host name. */
const isVaultRequest = (request: LoggedRequest, suffix: string) => request.host.toLowerCase().includes(suffix);
const requestKey = (request: LoggedRequest) => {
    const { 'api-version': _apiVersion, ...query } = request.query;
    return `${request.method} ${request.host.toLowerCase()}${request.path.toLowerCase()} ${JSON.stringify(query)}`;
};

describe('Diagnose All over 1 000 CMK registries (emulator)', function () {
    this.timeout(600000);
    let world: EmulatorWorld;

    before(async () => {
        world = await startEmulatorWorld({ seed: `subscriptions=10,registries=${registryCount},cmk=1` });
    });
    after(() => world?.stop());

    it('finishes with bounded concurrency and reads each shared key, vault and policy once', async () => {
        const subscriptions = await world.source.listAllSubscriptions();
        const targets: DiagnoseTarget[] = (
            await Promise.all(
                subscriptions.map(async (target) =>
                    (await listRegistriesInSubscription(target.factory, target.subscriptionId)).map((registry) => ({ registry, factory: target.factory })),
                ),
            )
        ).flat();
        assert.equal(targets.length, registryCount);
        const since = (await world.requests()).lastSeq;

        const { diagnoses, stats } = await diagnoseAll(targets, { subscriptionIds: subscriptions.map((s) => s.subscriptionId), concurrency });

        const requests = (await world.requests(since)).requests;
        const vaultSuffix = world.emulator.environment.keyVaultDnsSuffix.split(':')[0]!.toLowerCase();
        const vaultRequests = requests.filter((r) => isVaultRequest(r, vaultSuffix));
        const challenges = vaultRequests.filter((r) => r.status === 401);
        const answered = vaultRequests.filter((r) => r.status !== 401);
        const counts = new Map<string, number>();
        for (const request of answered) {
            counts.set(requestKey(request), (counts.get(requestKey(request)) ?? 0) + 1);
        }
        const repeated = [...counts].filter(([, count]) => count > 1);
        const armRequests = requests.filter((r) => !isVaultRequest(r, vaultSuffix));
        const armByKind = new Map<string, number>();
        for (const request of armRequests) {
            const kind = `${request.method} ${request.path.replace(/\/subscriptions\/[^/]+/i, '/subscriptions/*').replace(/\/(resourceGroups|vaults|registries|roleAssignments)\/[^/]+/gi, '/$1/*')}`;
            armByKind.set(kind, (armByKind.get(kind) ?? 0) + 1);
        }
        const summary = {
            registries: stats.registries,
            concurrency: stats.concurrency,
            maxInFlight: stats.maxInFlight,
            durationMs: stats.durationMs,
            keyVaultRequests: answered.length,
            keyVaultChallenges: challenges.length,
            distinctKeyVaultRequests: counts.size,
            repeatedKeyVaultRequests: repeated.length,
            armRequests: armRequests.length,
            armByKind: Object.fromEntries(armByKind),
            statuses: diagnoses.reduce<Record<string, number>>((all, d) => ({ ...all, [d.status]: (all[d.status] ?? 0) + 1 }), {}),
        };
        console.log(`      diagnose-all: ${JSON.stringify(summary)}`);

        assert.equal(diagnoses.length, registryCount);
        assert.ok(stats.maxInFlight <= concurrency, `at most ${concurrency} registries in flight (was ${stats.maxInFlight})`);
        assert.equal(stats.maxInFlight, concurrency, 'the pool was used');
        assert.deepEqual(repeated, [], 'no Key Vault request repeated for registries sharing a key');
        assert.ok(answered.length < registryCount / 4, `Key Vault requests (${answered.length}) scale with distinct keys, not registries`);
        assert.deepEqual(
            diagnoses
                .filter((d) => d.status === 'error' || d.status === 'warning' || d.status === 'unknown')
                .map((d) => `${d.registryName}: ${JSON.stringify(d.findings.filter((f) => f.status !== 'ok' && f.status !== 'info'))}`),
            [],
        );
    });
});
