// Child process: the Keys view's fleet read (src/domain/fleet/readFleet.ts) from a fresh credential, timed, through
// Resource Graph or one Resource Manager listing per subscription (see bench/benchmarks/fleetGraph.ts).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readFleet, type FleetSource } from '../../src/domain/fleet/readFleet';
import type { EmulatorEnvironment } from '../../test/emulator';
import { connectAsExtension } from '../lib/connect';
import { adminJson } from '../../test/support/adminRequest';
import { graphIndexer } from '../lib/graphIndex';
import { probeMain } from '../lib/probe';
import { countFleetRequests, graphThrottled, type FleetRequestKind } from '../lib/fleetRequests';
import { clientRequests, dependentChainLength, peakConcurrency, type LoggedRequest } from '../lib/requestLog';
import { elapsedMs } from '../lib/stats';

export interface FleetProbeInput {
    environment: EmulatorEnvironment;
    ca: string;
    /** Each source is measured `runs` times, interleaved (drift hits both alike). */
    sources: FleetSource[];
    runs: number;
    expected: { subscriptions: number; registries: number };
    /** Resource Graph's indexing lag during the runs (see bench/lib/graphIndex.ts): longer than one listing. */
    graphLagMs: number;
}

export interface FleetRun {
    ms: number;
    cpuMs: number;
    longestStallMs: number;
    cmk: number;
    vaults: number;
    /** Requests by what they were: sign-in, the subscription list, Resource Graph pages, Resource Manager listings. */
    requests: Record<FleetRequestKind, number>;
    dependentChain: number;
    peakInFlight: number;
    /** Resource Graph's 429 answers (quota spent). */
    throttled: number;
}
export interface FleetProbeOutput {
    firstRunMs: number;
    bySource: { source: FleetSource; runs: FleetRun[] }[];
}

type Log = { lastSeq: number; requests: LoggedRequest[] };

probeMain(async (input: FleetProbeInput): Promise<FleetProbeOutput> => {
    const env = input.environment;
    const log = (since = 0) => adminJson<Log>(`${env.adminEndpoint}requests?since=${since}`, input.ca);
    const indexer = await graphIndexer(env, input.ca, { lagMs: input.graphLagMs });
    const measure = async (source: FleetSource): Promise<FleetRun> => {
        await indexer.warm(); // a first listing: the whole quota, Resource Graph's index already built
        const { lastSeq } = await log();
        const stalls = monitorEventLoopDelay({ resolution: 5 });
        stalls.enable();
        const cpu = process.cpuUsage();
        const start = process.hrtime.bigint();
        // As the Keys view loads: every subscription of a fresh sign-in, then the fleet from the chosen source.
        const targets = await (await connectAsExtension(env, undefined)).listAllSubscriptions();
        const fleet = await readFleet(targets, source);
        const ms = elapsedMs(start);
        const used = process.cpuUsage(cpu);
        stalls.disable();
        if (targets.length !== input.expected.subscriptions || fleet.registries.length !== input.expected.registries || fleet.source !== source) {
            throw new Error(
                `${source}: listed ${targets.length} subscriptions and ${fleet.registries.length} registries from ${fleet.source}, expected ${input.expected.subscriptions} and ${input.expected.registries} from ${source}`,
            );
        }
        const requests = clientRequests((await log(lastSeq)).requests);
        return {
            ms,
            cpuMs: (used.user + used.system) / 1000,
            longestStallMs: stalls.max / 1e6,
            cmk: fleet.registries.filter((registry) => registry.encryption.status === 'enabled').length,
            vaults: fleet.vaults.length,
            requests: countFleetRequests(requests),
            dependentChain: dependentChainLength(requests),
            peakInFlight: peakConcurrency(requests),
            throttled: graphThrottled(requests),
        };
    };
    // The first run also loads the SDK modules: reported apart, not mixed into the medians.
    const firstRunMs = (await measure(input.sources[0] ?? 'resourceGraph')).ms;
    const bySource: FleetProbeOutput['bySource'] = input.sources.map((source) => ({ source, runs: [] }));
    for (let run = 0; run < input.runs; run++) {
        for (const entry of bySource) {
            entry.runs.push(await measure(entry.source));
        }
    }
    return { firstRunMs, bySource };
});
