import type { BenchContext, Benchmark } from '../lib/benchmark';
import { startEmulatorProcess } from '../lib/emulatorProcess';
import { fleetNotes, fleetResult, runFleetProbe, runRawGraphProbe, runsOf, seedOf, sizeOf, type FleetWorld } from '../lib/fleetRuns';
import { graphDependentRoundTrips, graphFloorMs, graphRequests, resourceGraphLimits, type GraphWorld } from '../lib/graphFloor';
import { makeResult, type BenchResult } from '../lib/results';
import { median } from '../lib/stats';

const LATENCY_MS = 100;
const GRAPH_GOAL = 1.3;
const VS_ARM_GOAL = 4;

/** The world; `--quick` lists a fifth of it. Vaults: the seed makes three per subscription. */
const worldFor = (quick: boolean): FleetWorld =>
    quick ? { subscriptions: 200, registries: 2000, cmk: 0.3 } : { subscriptions: 1000, registries: 10000, cmk: 0.3 };
const graphWorldOf = (world: FleetWorld): GraphWorld => ({
    ...resourceGraphLimits,
    subscriptions: world.subscriptions,
    rowsPerQuery: [world.registries, 3 * world.subscriptions],
});

function floorText(world: FleetWorld): string {
    const graph = graphWorldOf(world);
    return (
        `floor ${graphFloorMs(graph, LATENCY_MS)} ms = ${graphDependentRoundTrips(graph)} dependent round trips × ${LATENCY_MS} ms ` +
        `(token, subscription list, the first Resource Graph page, then the other pages of ${graph.pageSize} rows side by side); ${graphRequests(graph)} Resource Graph requests within the quota of ${graph.quota} per ${graph.quotaWindowMs / 1000} s`
    );
}

/**
 * fleet-graph: the Keys view's first complete fleet listing (fresh sign-in → subscriptions → readFleet through
 * Resource Graph) against its floor. Each run starts with the whole quota and Resource Graph's index built.
 */
export const fleetGraph: Benchmark = {
    name: 'fleet-graph',
    async run(context: BenchContext): Promise<BenchResult[]> {
        const world = worldFor(context.quick);
        const floor = graphFloorMs(graphWorldOf(world), LATENCY_MS);
        context.progress(`fleet-graph: ${sizeOf(world)}, ${floorText(world)}`);
        const emulator = await startEmulatorProcess({ seed: seedOf(world), latencyMs: LATENCY_MS });
        try {
            const output = await runFleetProbe(emulator, world, ['resourceGraph'], context.quick ? 2 : 5);
            const raw = await runRawGraphProbe(emulator, world, context.quick ? 2 : 5);
            return [
                fleetResult(
                    `fleet-graph (${sizeOf(world)}, Resource Graph)`,
                    runsOf(output, 'resourceGraph'),
                    floor,
                    GRAPH_GOAL,
                    `${floorText(world)}; first run in the process (loads the SDK) ${Math.round(output.firstRunMs)} ms`,
                ),
                makeResult({
                    name: 'fleet-graph: no SDK (raw HTTPS + JSON.parse, same queries and pages)',
                    unit: 'ms',
                    samples: raw,
                    baseline: floor,
                    notes: "what the machine and the emulator allow for these pages: the part of any client's time above the floor that no extension code can remove",
                }),
            ];
        } finally {
            await emulator.stop();
        }
    },
};

/**
 * fleet-vs-arm: the same world listed the other way the extension can — one Resource Manager listing (registries,
 * key vaults) per subscription, the extension's fallback with its default concurrency — divided by the Resource Graph
 * listing measured in the same emulator, interleaved.
 */
export const fleetVsArm: Benchmark = {
    name: 'fleet-vs-arm',
    async run(context: BenchContext): Promise<BenchResult[]> {
        const world = worldFor(context.quick);
        context.progress(`fleet-vs-arm: ${sizeOf(world)}, one Resource Manager run and one Resource Graph run`);
        const emulator = await startEmulatorProcess({ seed: seedOf(world), latencyMs: LATENCY_MS });
        try {
            const output = await runFleetProbe(emulator, world, ['resourceGraph', 'resourceManager'], 1);
            const arm = runsOf(output, 'resourceManager');
            const graph = runsOf(output, 'resourceGraph');
            const ratio = median(arm.map((run) => run.ms)) / median(graph.map((run) => run.ms));
            return [
                makeResult({
                    name: `fleet-vs-arm (${sizeOf(world)}: one Resource Manager listing per subscription ÷ Resource Graph)`,
                    unit: 'ms',
                    samples: arm.map((run) => run.ms),
                    baseline: median(graph.map((run) => run.ms)),
                    ratio,
                    goal: `≥ ${VS_ARM_GOAL}× Resource Graph`,
                    met: ratio >= VS_ARM_GOAL,
                    notes: `Resource Manager: ${fleetNotes(arm)} | Resource Graph: ${fleetNotes(graph)}`,
                }),
            ];
        } finally {
            await emulator.stop();
        }
    },
};
