import type { BenchContext, Benchmark } from '../lib/benchmark';
import { startEmulatorProcess } from '../lib/emulatorProcess';
import { runProbe } from '../lib/probe';
import { makeResult, type BenchResult } from '../lib/results';
import type { RotateAllPhase, RotateAllProbeInput, RotateAllProbeOutput, RotateAllRun } from '../probes/rotateAllProbe';
import { dependentChainMs } from './flowRequests';

const LATENCY_MS = 100;
const LRO_POLLS = 1;

/**
 * The seed spreads a subscription's CMK registries over 3 vaults × 2 keys in turn (test/emulator/seed.ts): with every
 * registry CMK, 6 × n registries put n on each key. The RBAC vault's registries are pinned to a version with a user
 * identity, so every one of them is switched (a versionless one would pick the new version up by itself).
 */
const sharing = (quick: boolean) => (quick ? 40 : 200);

const phaseText = (phase: RotateAllPhase) =>
    `${Math.round(phase.ms)} ms, ${phase.requests} requests, dependent chain ${phase.dependentChain}, peak in flight ${phase.peakInFlight}, ` +
    `${phase.lroOperations} LRO (${phase.lroPollRequests} polls)`;

/**
 * rotate-all: Rotate All Registries Using This Key (plan, then run) over every registry sharing one key, moved to one
 * new version, against one rotation's dependent chain (the same command over a single registry of a sibling key:
 * dependent requests × latency + one Retry-After per long-running operation). The ratio is reported, no goal.
 */
export const rotateAll: Benchmark = {
    name: 'rotate-all',
    async run(context: BenchContext): Promise<BenchResult[]> {
        const registries = sharing(context.quick);
        context.progress(`rotate-all: ${registries} registries sharing a key, ${LATENCY_MS} ms latency`);
        const emulator = await startEmulatorProcess({ seed: `subscriptions=1,registries=${6 * registries},cmk=1`, latencyMs: LATENCY_MS, lroPolls: LRO_POLLS });
        try {
            const input: RotateAllProbeInput = {
                environment: emulator.environment,
                ca: emulator.ca,
                vaultPrefix: 'kv-rb-',
                fleetKey: 'cmk-key-1',
                singleKey: 'cmk-key-2',
                expectedRegistries: registries,
            };
            const { fleet, single } = await runProbe<RotateAllProbeOutput>('rotateAllProbe', input, {
                env: { ...process.env, NODE_EXTRA_CA_CERTS: emulator.environment.caCertPath },
                timeoutMs: 900_000,
            });
            for (const run of [single, fleet]) {
                if (run.switched !== run.registries) {
                    throw new Error(`rotate-all switched ${run.switched} of ${run.registries}: ${run.notSwitched.join('; ')}`);
                }
            }
            const chain = dependentChainMs(single.whole, LATENCY_MS);
            return [
                makeResult({
                    name: `rotate-all (${registries} registries sharing a key ÷ one rotation's dependent chain)`,
                    unit: 'ms',
                    samples: [fleet.whole.ms],
                    baseline: chain,
                    notes:
                        `one rotation: ${single.whole.dependentChain} dependent requests × ${LATENCY_MS} ms + ${single.whole.lroOperations} LRO × Retry-After 1 s = ${chain} ms ` +
                        `(its wall time ${phaseText(single.whole)}); Rotate All plan ${phaseText(fleet.plan)}; run ${phaseText(fleet.run)}; ${perRegistry(fleet)}`,
                }),
            ];
        } finally {
            await emulator.stop();
        }
    },
};

const perRegistry = (run: RotateAllRun) =>
    `per registry ${Math.round(run.whole.ms / run.registries)} ms wall, ${Math.round((run.whole.requests / run.registries) * 10) / 10} requests`;
