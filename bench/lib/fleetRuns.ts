import type { FleetSource } from '../../src/domain/fleet/readFleet';
import type { FleetProbeInput, FleetProbeOutput, FleetRun } from '../probes/fleetProbe';
import type { RawGraphInput } from '../probes/rawGraphProbe';
import type { EmulatorProcess } from './emulatorProcess';
import { runProbe } from './probe';
import { makeResult, type BenchResult } from './results';
import { median } from './stats';

/** Resource Graph's indexing lag during a fleet benchmark: longer than any one listing (see graphIndex.ts). */
export const GRAPH_LAG_MS = 600_000;

export interface FleetWorld {
    readonly subscriptions: number;
    readonly registries: number;
    readonly cmk: number;
}

export const seedOf = (world: FleetWorld) => `subscriptions=${world.subscriptions},registries=${world.registries},cmk=${world.cmk}`;
export const sizeOf = (world: FleetWorld) => `${world.subscriptions} subscriptions × ${world.registries} registries, ${Math.round(world.cmk * 100)} % CMK`;

/** The Keys view's fleet read in a child process, `runs` times per source (interleaved). */
export function runFleetProbe(emulator: EmulatorProcess, world: FleetWorld, sources: FleetSource[], runs: number): Promise<FleetProbeOutput> {
    const input: FleetProbeInput = {
        environment: emulator.environment,
        ca: emulator.ca,
        sources,
        runs,
        graphLagMs: GRAPH_LAG_MS,
        expected: { subscriptions: world.subscriptions, registries: world.registries },
    };
    return runProbe<FleetProbeOutput>('fleetProbe', input, {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: emulator.environment.caCertPath },
        timeoutMs: 600_000,
    });
}

/** The same listing with no SDK client (raw HTTPS + JSON.parse): what the machine and the emulator allow beside the floor. */
export function runRawGraphProbe(emulator: EmulatorProcess, world: FleetWorld, runs: number): Promise<number[]> {
    return runProbe<number[]>('rawGraphProbe', {
        environment: emulator.environment,
        ca: emulator.ca,
        runs,
        expectedRegistries: world.registries,
        graphLagMs: GRAPH_LAG_MS,
    } satisfies RawGraphInput);
}

export const runsOf = (output: FleetProbeOutput, source: FleetSource): FleetRun[] => output.bySource.find((entry) => entry.source === source)?.runs ?? [];

/** What every fleet result says about its runs. */
export function fleetNotes(runs: readonly FleetRun[]): string {
    const last = runs[runs.length - 1]!;
    return (
        `requests per run ${JSON.stringify(last.requests)}; Resource Graph 429 ${last.throttled}; dependent chain observed ${last.dependentChain}; peak in flight ${last.peakInFlight}; ` +
        `client CPU median ${Math.round(median(runs.map((run) => run.cpuMs)))} ms; longest event-loop stall median ${Math.round(median(runs.map((run) => run.longestStallMs)))} ms; ` +
        `CMK registries ${last.cmk}; key vaults ${last.vaults}`
    );
}

/** A result from fleet runs against a floor, with the goal as a ratio ceiling. */
export function fleetResult(name: string, runs: readonly FleetRun[], floorMs: number, goalRatio: number, extra: string): BenchResult {
    const samples = runs.map((run) => run.ms);
    return makeResult({
        name,
        unit: 'ms',
        samples,
        baseline: floorMs,
        goal: `≤ ${goalRatio}× floor`,
        met: median(samples) / floorMs <= goalRatio,
        notes: `${fleetNotes(runs)}; ${extra}`,
    });
}
