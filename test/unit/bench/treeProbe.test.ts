import * as assert from 'node:assert/strict';
import { startEmulatorProcess, type EmulatorProcess } from '../../../bench/lib/emulatorProcess';
import { runProbe } from '../../../bench/lib/probe';
import type { TreeProbeInput, TreeProbeOutput } from '../../../bench/probes/treeProbe';

// The tree probe against a small real emulator (child process): it must list everything and count the requests
// the emulator actually logged — whatever the timings.
describe('bench: the tree probe counts what the extension path sends', function () {
    this.timeout(180000);
    let emulator: EmulatorProcess;
    before(async () => {
        emulator = await startEmulatorProcess({ seed: 'subscriptions=3,registries=12,cmk=0.5' });
    });
    after(() => emulator?.stop());

    it('lists 3 × 4 registries with one token, one subscription list and one registry list per subscription', async () => {
        const input: TreeProbeInput = {
            environment: emulator.environment,
            ca: emulator.ca,
            caVia: 'setting',
            runs: 2,
            limits: [1, 3],
            expected: { subscriptions: 3, registries: 12 },
        };
        const output = await runProbe<TreeProbeOutput>('treeProbe', input);
        assert.deepEqual(
            output.byLimit.map((entry) => [entry.limit, entry.runs.length]),
            [
                [1, 2],
                [3, 2],
            ],
        );
        for (const { limit, runs } of output.byLimit) {
            for (const run of runs) {
                assert.deepEqual(
                    { ...run.requests, authorityMetadata: 0 },
                    { token: 1, authorityMetadata: 0, subscriptionList: 1, registryList: 3, lroPoll: 0, other: 0 },
                );
                assert.ok(run.cmk > 0 && run.cmk < 12, `both encryption states (${run.cmk} CMK)`);
                assert.ok(run.peakInFlight <= limit + 1, `limit ${limit}: ${run.peakInFlight} in flight`);
                assert.ok(run.ms > 0 && run.cpuMs > 0);
            }
        }
        const { requests } = await emulator.requests();
        const lists = requests.filter((request) => /registries\/?$/i.test(request.path));
        assert.equal(lists.length, 3 * 5, 'first run + 2 runs × 2 limits, 3 lists each');
    });

    it('fails loudly when the world is not the expected one', async () => {
        const input: TreeProbeInput = {
            environment: emulator.environment,
            ca: emulator.ca,
            caVia: 'setting',
            runs: 1,
            limits: [3],
            expected: { subscriptions: 3, registries: 13 },
        };
        await assert.rejects(runProbe('treeProbe', input), /listed 12 registries, expected 13/);
    });
});
