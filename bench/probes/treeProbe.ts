// Child process: lists the tree through the extension's code path and times it (see bench/benchmarks/treeFloor.ts).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { EmulatorEnvironment } from '../../test/emulator';
import { connectAsExtension } from '../lib/connect';
import { adminJson } from '../../test/support/adminRequest';
import { probeMain } from '../lib/probe';
import { clientRequests, countByKind, dependentChainLength, peakConcurrency, type LoggedRequest, type RequestKind } from '../lib/requestLog';
import { elapsedMs } from '../lib/stats';
import { checkTree, listTreeLikeTheView } from '../lib/treePath';

export interface TreeProbeInput {
    environment: EmulatorEnvironment;
    /** The emulator CA: given through the `acrCmk.customCloud.caCertificatePath` setting, or trusted process-wide (NODE_EXTRA_CA_CERTS). */
    caVia: 'setting' | 'process';
    ca: string;
    limits: number[];
    runs: number;
    expected: { subscriptions: number; registries: number };
}

export interface TreeRun {
    ms: number;
    cpuMs: number;
    /** Longest the event loop was held at once during the run (ms): what another extension in the same host would wait. */ longestStallMs: number;
    cmk: number;
    requests: Record<RequestKind, number>;
    dependentChain: number;
    peakInFlight: number;
}
export interface TreeProbeOutput {
    firstRunMs: number;
    byLimit: { limit: number; runs: TreeRun[] }[];
}

type Log = { lastSeq: number; requests: LoggedRequest[] };

probeMain(async (input: TreeProbeInput): Promise<TreeProbeOutput> => {
    const env = input.environment;
    const log = (since = 0) => adminJson<Log>(`${env.adminEndpoint}requests?since=${since}`, input.ca);
    const ca = input.caVia === 'setting' ? input.ca : undefined;
    const measure = async (limit: number): Promise<TreeRun> => {
        const { lastSeq } = await log();
        const stalls = monitorEventLoopDelay({ resolution: 5 });
        stalls.enable();
        const cpu = process.cpuUsage();
        const start = process.hrtime.bigint();
        const tree = await listTreeLikeTheView(await connectAsExtension(env, ca), limit);
        const ms = elapsedMs(start);
        const used = process.cpuUsage(cpu);
        stalls.disable();
        // The histogram's max is the longest delay of a 5 ms timer: the longest stretch of work that held the loop, plus up to 5 ms.
        const longestStallMs = stalls.max / 1e6;
        const { cmk } = checkTree(tree, input.expected);
        const requests = clientRequests((await log(lastSeq)).requests);
        return {
            ms,
            cpuMs: (used.user + used.system) / 1000,
            longestStallMs,
            cmk,
            requests: countByKind(requests),
            dependentChain: dependentChainLength(requests),
            peakInFlight: peakConcurrency(requests),
        };
    };
    // The first run also loads the SDK modules: reported apart, not mixed into the medians.
    const firstRunMs = (await measure(input.limits[0] ?? 16)).ms;
    const byLimit: TreeProbeOutput['byLimit'] = input.limits.map((limit) => ({ limit, runs: [] }));
    for (let run = 0; run < input.runs; run++) {
        for (const entry of byLimit) {
            entry.runs.push(await measure(entry.limit));
        } // interleaved: drift hits every limit alike
    }
    return { firstRunMs, byLimit };
});
