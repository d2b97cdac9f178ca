// `npm run bench [-- --quick] [-- --only name,name]`: runs every benchmark (each starts its own emulator in a child
// process), prints one line per result and writes bench/results.json.
import * as os from 'node:os';
import * as path from 'node:path';
import type { Benchmark } from './lib/benchmark';
import { formatResult, writeResults, type BenchResult } from './lib/results';
import { activation } from './benchmarks/activation';
import { emulatorOverhead } from './benchmarks/emulatorOverhead';
import { fleetGraph, fleetVsArm } from './benchmarks/fleetGraph';
import { flowRequests } from './benchmarks/flowRequests';
import { rotateAll } from './benchmarks/rotateAll';
import { treeFloor } from './benchmarks/treeFloor';
import { treeFloorGraph } from './benchmarks/treeFloorGraph';
import { treeMemory } from './benchmarks/treeMemory';
import { treeVsAz } from './benchmarks/treeVsAz';
import { vscodeHost } from './benchmarks/vscodeHost';

const benchmarks: Benchmark[] = [
    treeFloor,
    treeVsAz,
    activation,
    flowRequests,
    emulatorOverhead,
    treeMemory,
    vscodeHost,
    fleetGraph,
    fleetVsArm,
    treeFloorGraph,
    rotateAll,
];

async function main(): Promise<void> {
    const argv = process.argv.slice(2);
    const quick = argv.includes('--quick');
    const onlyIndex = argv.indexOf('--only');
    const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',') : undefined;
    const selected = benchmarks.filter((benchmark) => !only || only.includes(benchmark.name));
    const started = Date.now();
    const results: BenchResult[] = [];
    let failures = 0;
    for (const benchmark of selected) {
        const context = { quick, progress: (message: string) => process.stderr.write(`[bench] ${message}\n`) };
        context.progress(`${benchmark.name} …`);
        try {
            for (const result of await benchmark.run(context)) {
                results.push(result);
                process.stdout.write(`${formatResult(result)}\n`);
            }
        } catch (error) {
            failures++;
            process.stderr.write(`[bench] ${benchmark.name} FAILED: ${(error as Error).stack ?? String(error)}\n`);
        }
    }
    const file = path.join(__dirname, only ? `results.${only.join('-')}.json` : 'results.json');
    writeResults(file, {
        date: new Date().toISOString(),
        quick,
        machine: {
            cpus: os.cpus().length,
            cpuModel: os.cpus()[0]?.model ?? 'unknown',
            memoryGb: Math.round(os.totalmem() / 2 ** 30),
            node: process.version,
            platform: `${os.type()} ${os.release()}`,
            loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
        },
        results,
    });
    process.stderr.write(`[bench] ${results.length} results in ${Math.round((Date.now() - started) / 1000)} s → ${path.relative(process.cwd(), file)}\n`);
    process.exitCode = failures > 0 ? 1 : 0;
}

void main();
