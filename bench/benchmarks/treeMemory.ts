import type { BenchContext, Benchmark } from '../lib/benchmark';
import { startEmulatorProcess } from '../lib/emulatorProcess';
import { runProbe } from '../lib/probe';
import { makeResult, type BenchResult } from '../lib/results';
import { median } from '../lib/stats';
import type { MemoryProbeInput, MemoryProbeOutput } from '../probes/memoryProbe';

const GOAL_MB = 100;

/**
 * 6. tree-memory: heap growth (after gc) of a process that signed in, listed 10 000 registries through the tree's
 * path and holds the model, against the same process before its first Azure call. Each run is a fresh process.
 */
export const treeMemory: Benchmark = {
    name: 'tree-memory',
    async run(context: BenchContext): Promise<BenchResult[]> {
        const expected = { subscriptions: 100, registries: 10_000 };
        const emulator = await startEmulatorProcess({ seed: `subscriptions=${expected.subscriptions},registries=${expected.registries},cmk=0.3` });
        try {
            const outputs: MemoryProbeOutput[] = [];
            for (let run = 0; run < (context.quick ? 1 : 3); run++) {
                const input: MemoryProbeInput = { environment: emulator.environment, expected };
                outputs.push(
                    await runProbe<MemoryProbeOutput>('memoryProbe', input, {
                        nodeArgs: ['--expose-gc'],
                        env: { ...process.env, NODE_EXTRA_CA_CERTS: emulator.environment.caCertPath },
                    }),
                );
            }
            const growth = outputs.map((o) => o.heapHoldingMb - o.heapBeforeMb);
            const model = outputs.map((o) => o.heapHoldingMb - o.heapReleasedMb);
            return [
                makeResult({
                    name: 'tree-memory (heap growth holding 10 000 listed registries)',
                    unit: 'MB',
                    samples: growth,
                    baseline: median(outputs.map((o) => o.heapBeforeMb)),
                    ratio: null,
                    goal: `< ${GOAL_MB} MB`,
                    met: median(growth) < GOAL_MB,
                    notes:
                        `baseline = heap before the first Azure call; growth includes the SDK modules and clients; the model alone (released on drop) ${median(model).toFixed(1)} MB; ` +
                        `RSS holding ${Math.round(median(outputs.map((o) => o.rssHoldingMb)))} MB; each run a fresh process`,
                }),
                makeResult({ name: 'tree-memory: the model alone (heap freed when the tree is dropped)', unit: 'MB', samples: model }),
            ];
        } finally {
            await emulator.stop();
        }
    },
};
