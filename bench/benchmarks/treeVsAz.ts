import { defaultListConcurrency } from '../../src/domain/clients/ClientOptions';
import { signInAz } from '../lib/azTable';
import type { BenchContext, Benchmark } from '../lib/benchmark';
import { startEmulatorProcess } from '../lib/emulatorProcess';
import { runProbe } from '../lib/probe';
import { clientRequests } from '../lib/requestLog';
import { makeResult, type BenchResult } from '../lib/results';
import { median, timeMs } from '../lib/stats';
import type { TreeProbeInput, TreeProbeOutput } from '../probes/treeProbe';

const LATENCY_MS = 100;
const GOAL_RATIO = 20;

/** 2. tree-vs-az: the stock Azure CLI producing the same table (one `az acr list` per subscription) against the extension's path. */
export const treeVsAz: Benchmark = {
    name: 'tree-vs-az',
    async run(context: BenchContext): Promise<BenchResult[]> {
        const subscriptions = context.quick ? 5 : 20;
        const perSubscription = 50;
        const emulator = await startEmulatorProcess({
            seed: `subscriptions=${subscriptions},registries=${subscriptions * perSubscription},cmk=0.3`,
            latencyMs: LATENCY_MS,
        });
        const az = await signInAz(emulator);
        try {
            const ids = emulator.environment.subscriptions.map((subscription) => subscription.id);
            const azRuns: number[] = [];
            let azRequests = 0;
            let azCmk = 0;
            for (let run = 0; run < (context.quick ? 1 : 3); run++) {
                context.progress(`tree-vs-az: az run ${run + 1} (${subscriptions} × az acr list)`);
                const { lastSeq } = await emulator.requests();
                const { ms, value: rows } = await timeMs(() => az.listTable(ids));
                if (rows.length !== subscriptions * perSubscription) {
                    throw new Error(`az listed ${rows.length} registries, expected ${subscriptions * perSubscription}`);
                }
                azRuns.push(ms);
                azRequests = clientRequests((await emulator.requests(lastSeq)).requests).length;
                azCmk = rows.filter((row) => row.status === 'enabled').length;
            }
            const input: TreeProbeInput = {
                environment: emulator.environment,
                ca: emulator.ca,
                caVia: 'process',
                runs: context.quick ? 3 : 5,
                limits: [defaultListConcurrency],
                expected: { subscriptions, registries: subscriptions * perSubscription },
            };
            const extension = await runProbe<TreeProbeOutput>('treeProbe', input, {
                env: { ...process.env, NODE_EXTRA_CA_CERTS: emulator.environment.caCertPath },
            });
            const runs = extension.byLimit[0]!.runs;
            if (runs.some((run) => run.cmk !== azCmk)) {
                throw new Error(`the extension found ${runs[0]!.cmk} CMK registries, az ${azCmk}`);
            }
            const extensionMs = runs.map((run) => run.ms);
            const ratio = median(azRuns) / median(extensionMs);
            const requests = Object.values(runs[runs.length - 1]!.requests).reduce((sum, n) => sum + n, 0);
            return [
                makeResult({
                    name: `tree-vs-az (${subscriptions}×${perSubscription}, az / extension)`,
                    unit: 'x',
                    samples: azRuns.map((ms) => ms / median(extensionMs)),
                    value: ratio,
                    baseline: null,
                    ratio,
                    goal: `≥ ${GOAL_RATIO}`,
                    met: ratio >= GOAL_RATIO,
                    notes: `az: median ${Math.round(median(azRuns))} ms, ${azRequests} requests; extension (limit ${defaultListConcurrency}): median ${Math.round(median(extensionMs))} ms, ${requests} requests; both found ${azCmk} CMK registries`,
                }),
                makeResult({ name: `tree-vs-az: az acr list × ${subscriptions} (stock CLI ${az.cliVersion})`, unit: 'ms', samples: azRuns }),
                makeResult({ name: `tree-vs-az: extension path (${subscriptions} subscriptions)`, unit: 'ms', samples: extensionMs }),
            ];
        } finally {
            az.dispose();
            await emulator.stop();
        }
    },
};
