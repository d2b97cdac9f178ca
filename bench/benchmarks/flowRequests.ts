import type { BenchContext, Benchmark } from '../lib/benchmark';
import { startEmulatorProcess } from '../lib/emulatorProcess';
import { runProbe } from '../lib/probe';
import { makeResult, type BenchResult } from '../lib/results';
import { flows } from '../flows';
import type { FlowProbeInput, FlowRun } from '../probes/flowProbe';

const LATENCY_MS = 100;
const LRO_POLLS = 1; // the emulator's default: one InProgress answer, then Succeeded
const RETRY_AFTER_MS = 1000; // every emulator LRO answer says Retry-After: 1
const GOAL_RATIO = 1.2;

/**
 * What the emulator's Retry-After dictates per long-running operation: one wait after each InProgress answer. (The
 * SDK polls right after the 201, as Azure allows; the emulator finishes an operation after `--lro-polls` polls.)
 */
export const lroWaitMs = (operations: number, inProgressPolls = LRO_POLLS, retryAfterMs = RETRY_AFTER_MS) => operations * inProgressPolls * retryAfterMs;

/** The dependent chain a flow cannot beat: its dependent requests × latency + the LRO waits. */
export const dependentChainMs = (run: Pick<FlowRun, 'dependentChain' | 'lroOperations'>, latencyMs = LATENCY_MS) =>
    run.dependentChain * latencyMs + lroWaitMs(run.lroOperations);

/**
 * 4. flow-requests: each flow of bench/flows once per run at --latency-ms 100: requests sent (emulator log; sign-in
 * left out) against the CLI's count, and wall time against its dependent chain. Each run is a fresh emulator.
 */
export const flowRequests: Benchmark = {
    name: 'flow-requests',
    async run(context: BenchContext): Promise<BenchResult[]> {
        const runsPerFlow: FlowRun[][] = flows.map(() => []);
        for (let run = 0; run < (context.quick ? 1 : 3); run++) {
            const emulator = await startEmulatorProcess({ seed: 'subscriptions=1,registries=6,cmk=1', latencyMs: LATENCY_MS, lroPolls: LRO_POLLS });
            try {
                context.progress(`flow-requests: run ${run + 1}`);
                const output = await runProbe<FlowRun[]>('flowProbe', { environment: emulator.environment, ca: emulator.ca } satisfies FlowProbeInput, {
                    env: { ...process.env, NODE_EXTRA_CA_CERTS: emulator.environment.caCertPath },
                });
                output.forEach((flowRun, index) => runsPerFlow[index]!.push(flowRun));
            } finally {
                await emulator.stop();
            }
        }
        return flows.flatMap((flow, index) => {
            const runs = runsPerFlow[index]!;
            const failed = runs.find((run) => run.error !== undefined);
            if (failed) {
                return [
                    makeResult({ name: `flow-requests: ${flow.name}`, unit: 'ms', samples: [0], goal: 'runs', met: false, notes: `FAILED: ${failed.error}` }),
                ];
            }
            const last = runs[runs.length - 1]!;
            const chainMs = dependentChainMs(last);
            const requestsOk = flow.cliRequests === null || last.requests <= flow.cliRequests;
            const wall = runs.map((run) => run.ms!);
            const ratio = wall.sort((a, b) => a - b)[Math.floor(wall.length / 2)]! / chainMs;
            return [
                makeResult({
                    name: `flow-requests: ${flow.name} — wall time`,
                    unit: 'ms',
                    samples: wall,
                    baseline: chainMs,
                    goal: `≤ ${GOAL_RATIO}× dependent chain`,
                    met: ratio <= GOAL_RATIO,
                    notes: `dependent chain = ${last.dependentChain} dependent requests × ${LATENCY_MS} ms + ${last.lroOperations} LRO × ${LRO_POLLS} InProgress answer × Retry-After ${RETRY_AFTER_MS / 1000} s; LRO polls sent ${last.lroPollRequests}`,
                }),
                makeResult({
                    name: `flow-requests: ${flow.name} — requests`,
                    unit: 'requests',
                    samples: runs.map((run) => run.requests),
                    baseline: flow.cliRequests,
                    goal: flow.cliRequests === null ? undefined : `≤ CLI (${flow.cliRequests})`,
                    met: flow.cliRequests === null ? undefined : requestsOk,
                    notes: `CLI: ${flow.cliSource}`,
                }),
            ];
        });
    },
};
