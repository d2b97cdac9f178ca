import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { BenchContext, Benchmark } from '../lib/benchmark';
import { repoRoot, startEmulatorProcess, stopChild, type EmulatorProcess } from '../lib/emulatorProcess';
import { armToken, httpsRequest } from '../lib/httpsClient';
import { probesDir, runProbe } from '../lib/probe';
import { makeResult, type BenchResult } from '../lib/results';
import { median } from '../lib/stats';
import type { OverheadInput, OverheadOutput } from '../probes/overheadClient';

const CONCURRENCY = 100;
const GOAL_MS = 5;

/**
 * 5. emulator-overhead: median latency of a GET registry at 100 concurrent clients, the emulator (no injected
 * latency, token validated as usual) against a bare HTTPS server answering the same bytes. Three processes: the
 * emulator, the bare server, the client.
 */
export const emulatorOverhead: Benchmark = {
    name: 'emulator-overhead',
    async run(context: BenchContext): Promise<BenchResult[]> {
        const emulator = await startEmulatorProcess({
            seed: 'subscriptions=100,registries=10000,cmk=0.3',
            nodeArgs: process.env.BENCH_EMULATOR_NODE_ARGS?.split(' '),
        });
        try {
            const env = emulator.environment;
            const token = await armToken(env, emulator.ca);
            const url = await someRegistryUrl(emulator, token);
            const payload = (await httpsRequest(url, { ca: emulator.ca, headers: { authorization: `Bearer ${token}` } })).body;
            const bare = await startBareServer(emulator, payload);
            try {
                const input: OverheadInput = {
                    ca: emulator.ca,
                    concurrency: CONCURRENCY,
                    rounds: context.quick ? 5 : 20,
                    warmupRounds: 2,
                    targets: [
                        { name: 'emulator', url, headers: { authorization: `Bearer ${token}` } },
                        {
                            name: 'bare',
                            url: `https://localhost:${bare.port}${new URL(url).pathname}${new URL(url).search}`,
                            headers: { authorization: `Bearer ${token}` },
                        },
                    ],
                };
                const output = await runProbe<OverheadOutput>('overheadClient', input);
                const emulatorMedian = median(output.latencies.emulator!);
                const bareMedian = median(output.latencies.bare!);
                const added = emulatorMedian - bareMedian;
                const perRound = output.roundMedians.emulator!.map((ms, i) => ms - output.roundMedians.bare![i]!);
                return [
                    makeResult({
                        name: `emulator-overhead (GET registry, ${CONCURRENCY} concurrent clients, 10 000-registry world)`,
                        unit: 'ms',
                        samples: perRound,
                        value: added,
                        baseline: bareMedian,
                        ratio: emulatorMedian / bareMedian,
                        goal: `< ${GOAL_MS} ms added`,
                        met: added < GOAL_MS,
                        notes: `median per request: emulator ${emulatorMedian.toFixed(2)} ms, bare HTTPS server ${bareMedian.toFixed(2)} ms, ${payload.length}-byte payload; ${output.latencies.emulator!.length} requests each; runs = rounds of ${CONCURRENCY}, min/max = per-round added medians`,
                    }),
                ];
            } finally {
                await stopChild(bare.child);
            }
        } finally {
            await emulator.stop();
        }
    },
};

async function someRegistryUrl(emulator: EmulatorProcess, token: string): Promise<string> {
    const env = emulator.environment;
    const list = await httpsRequest(
        `${env.armEndpoint}subscriptions/${env.subscriptions[0]!.id}/providers/Microsoft.ContainerRegistry/registries?api-version=2025-11-01`,
        { ca: emulator.ca, headers: { authorization: `Bearer ${token}` } },
    );
    const id = (JSON.parse(list.body) as { value: { id: string }[] }).value[0]?.id;
    if (!id) {
        throw new Error('the seeded world has no registry');
    }
    return `${env.armEndpoint.replace(/\/$/, '')}${id}?api-version=2025-11-01`;
}

function startBareServer(emulator: EmulatorProcess, payload: string) {
    const tls = path.join(emulator.outDir, 'tls');
    const input = { certPath: path.join(tls, 'server.pem'), keyPath: path.join(tls, 'server.key'), payload };
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(probesDir, 'bareServer.ts'), JSON.stringify(input)], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise<{ child: typeof child; port: number }>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error('bare server not ready'));
        }, 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            const port = /bare ready (\d+)/.exec(output)?.[1];
            if (port) {
                clearTimeout(timer);
                resolve({ child, port: Number(port) });
            }
        });
        child.once('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`bare server exited ${code}`));
        });
    });
}
