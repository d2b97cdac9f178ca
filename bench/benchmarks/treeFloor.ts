import { defaultListConcurrency } from '../../src/domain/clients/ClientOptions';
import type { BenchContext, Benchmark } from '../lib/benchmark';
import { startEmulatorProcess } from '../lib/emulatorProcess';
import { smallestLimitWithin, treeDependentRoundTrips, treeFloorMs, type TreeWorld } from '../lib/floor';
import { runProbe } from '../lib/probe';
import { makeResult, type BenchResult } from '../lib/results';
import { median } from '../lib/stats';
import type { RawTreeInput } from '../probes/rawTreeProbe';
import type { TreeProbeInput, TreeProbeOutput, TreeRun } from '../probes/treeProbe';

const LATENCY_MS = 100;
const GOAL_RATIO = 1.2;

/** 1. tree-floor: the tree's code path against the dependent round trips × latency, with the default limit and one list per subscription. */
export const treeFloor: Benchmark = {
    name: 'tree-floor',
    async run(context: BenchContext): Promise<BenchResult[]> {
        const world: TreeWorld = { subscriptions: 100, registriesPerSubscription: 100, pageSize: 100, subscriptionPageSize: 1000 };
        const floor = treeFloorMs(world, LATENCY_MS);
        const goalLimit = smallestLimitWithin(world, LATENCY_MS, GOAL_RATIO);
        const emulator = await startEmulatorProcess({
            seed: `subscriptions=${world.subscriptions},registries=${world.subscriptions * world.registriesPerSubscription},cmk=0.3`,
            latencyMs: LATENCY_MS,
        });
        try {
            const input = (caVia: TreeProbeInput['caVia'], runs: number, limits: number[]): TreeProbeInput => ({
                environment: emulator.environment,
                ca: emulator.ca,
                caVia,
                runs,
                limits,
                expected: { subscriptions: world.subscriptions, registries: world.subscriptions * world.registriesPerSubscription },
            });
            context.progress(
                `tree-floor: ${world.subscriptions}×${world.registriesPerSubscription}, floor ${floor} ms (${treeDependentRoundTrips(world)} round trips × ${LATENCY_MS} ms)`,
            );
            const limits = [...new Set([defaultListConcurrency, world.subscriptions])];
            const publicCa = await runProbe<TreeProbeOutput>('treeProbe', input('process', context.quick ? 2 : 5, limits), {
                env: { ...process.env, NODE_EXTRA_CA_CERTS: emulator.environment.caCertPath },
            });
            const results = publicCa.byLimit.map(({ limit, runs }) =>
                treeResult(
                    `tree-floor (100×100, limit ${limit}${limit === defaultListConcurrency ? ' = extension default' : ' = one per subscription'})`,
                    runs,
                    floor,
                    limit,
                    `first run in the process (loads the SDK) ${Math.round(publicCa.firstRunMs)} ms; limit that reaches ${GOAL_RATIO}× by round trips alone: ${goalLimit}`,
                ),
            );
            // No SDK at all: what 10 000 registries of JSON cost on this machine beside the network floor.
            const raw = await runProbe<number[]>('rawTreeProbe', {
                environment: emulator.environment,
                ca: emulator.ca,
                runs: context.quick ? 2 : 5,
                expectedRegistries: world.subscriptions * world.registriesPerSubscription,
            } satisfies RawTreeInput);
            results.push(
                makeResult({
                    name: 'tree-floor: no SDK (raw HTTPS + JSON.parse, all subscriptions in parallel)',
                    unit: 'ms',
                    samples: raw,
                    baseline: floor,
                    notes: "what the machine and the emulator allow for this payload: the part of any client's time above the floor that no extension code can remove",
                }),
            );
            // The same path with the CA given by the custom-cloud setting, as the emulator/Azure Stack user configures it.
            const settingCa = await runProbe<TreeProbeOutput>('treeProbe', input('setting', 1, [defaultListConcurrency]), { env: withoutExtraCa() });
            results.push(
                ...settingCa.byLimit.map(({ limit, runs }) =>
                    treeResult(
                        `tree-floor (100×100, limit ${limit}, CA from acrCmk.customCloud.caCertificatePath)`,
                        runs,
                        floor,
                        limit,
                        'every new TLS connection re-parses the system roots + the custom CA (tls ca option per client)',
                    ),
                ),
            );
            return results;
        } finally {
            await emulator.stop();
        }
    },
};

function treeResult(name: string, runs: TreeRun[], floor: number, limit: number, extra: string): BenchResult {
    const samples = runs.map((run) => run.ms);
    const ratio = median(samples) / floor;
    const last = runs[runs.length - 1]!;
    return makeResult({
        name,
        unit: 'ms',
        samples,
        baseline: floor,
        goal: `≤ ${GOAL_RATIO}× floor`,
        met: ratio <= GOAL_RATIO,
        notes:
            `concurrency limit ${limit}; requests per run ${JSON.stringify(last.requests)}; dependent chain observed ${last.dependentChain}; ` +
            `peak in flight ${last.peakInFlight}; client CPU median ${Math.round(median(runs.map((run) => run.cpuMs)))} ms; ` +
            `longest event-loop stall median ${Math.round(median(runs.map((run) => run.longestStallMs)))} ms (max ${Math.round(Math.max(...runs.map((run) => run.longestStallMs)))}); CMK registries ${last.cmk}; ${extra}`,
    });
}

/** The machine's NODE_EXTRA_CA_CERTS would hide whether the setting alone makes the CA trusted. */
function withoutExtraCa(): NodeJS.ProcessEnv {
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    return env;
}
