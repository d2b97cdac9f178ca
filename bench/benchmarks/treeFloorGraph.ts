import type { BenchContext, Benchmark } from '../lib/benchmark';
import { startEmulatorProcess } from '../lib/emulatorProcess';
import { fleetResult, runFleetProbe, runRawGraphProbe, runsOf, seedOf, type FleetWorld } from '../lib/fleetRuns';
import { graphDependentRoundTrips, graphFloorMs, resourceGraphLimits, type GraphWorld } from '../lib/graphFloor';
import { treeFloorMs } from '../lib/floor';
import { makeResult, type BenchResult } from '../lib/results';

const LATENCY_MS = 100;
const GOAL_RATIO = 1.2;

/**
 * tree-floor-graph: tree-floor's world (100 subscriptions × 100 registries, 30 % CMK, 100 ms) read the Keys view's way,
 * through Resource Graph (readFleet), against the Resource Graph floor. tree-floor's own lines are unchanged.
 */
export const treeFloorGraph: Benchmark = {
    name: 'tree-floor-graph',
    async run(context: BenchContext): Promise<BenchResult[]> {
        const world: FleetWorld = { subscriptions: 100, registries: 10_000, cmk: 0.3 };
        const graph: GraphWorld = { ...resourceGraphLimits, subscriptions: world.subscriptions, rowsPerQuery: [world.registries, 3 * world.subscriptions] };
        const floor = graphFloorMs(graph, LATENCY_MS);
        const armFloor = treeFloorMs({ subscriptions: 100, registriesPerSubscription: 100, pageSize: 100, subscriptionPageSize: 1000 }, LATENCY_MS);
        const floorText =
            `floor ${floor} ms = ${graphDependentRoundTrips(graph)} dependent round trips × ${LATENCY_MS} ms (token, subscription list, ` +
            `the first page, then the other pages of ${graph.pageSize} rows side by side); tree-floor's Resource Manager floor is ${armFloor} ms (every subscription's one page side by side)`;
        context.progress(`tree-floor-graph: 100×100, ${floorText}`);
        const emulator = await startEmulatorProcess({ seed: seedOf(world), latencyMs: LATENCY_MS });
        try {
            const output = await runFleetProbe(emulator, world, ['resourceGraph'], context.quick ? 2 : 5);
            const raw = await runRawGraphProbe(emulator, world, context.quick ? 2 : 5);
            return [
                fleetResult(
                    'tree-floor-graph (100×100, Resource Graph)',
                    runsOf(output, 'resourceGraph'),
                    floor,
                    GOAL_RATIO,
                    `${floorText}; first run in the process (loads the SDK) ${Math.round(output.firstRunMs)} ms`,
                ),
                makeResult({
                    name: 'tree-floor-graph: no SDK (raw HTTPS + JSON.parse, same queries and pages)',
                    unit: 'ms',
                    samples: raw,
                    baseline: floor,
                    notes: 'what the machine and the emulator allow for these pages beside the floor',
                }),
            ];
        } finally {
            await emulator.stop();
        }
    },
};
