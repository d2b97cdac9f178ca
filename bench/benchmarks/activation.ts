import * as path from 'node:path';
import type { BenchContext, Benchmark } from '../lib/benchmark';
import { buildExtensionLikeBuildScript, bundledFiles, bundleLikeBuildScript, isAzureModule, modulesEvaluatedAtLoad } from '../lib/bundle';
import { repoRoot } from '../lib/emulatorProcess';
import { runProbe } from '../lib/probe';
import { makeResult, type BenchResult } from '../lib/results';
import { median } from '../lib/stats';
import { vsixBytes } from '../lib/vsix';
/** Input and output of bench/probes/activationProbe.cjs. */
interface ActivationProbeInput {
    bundle: string;
    vscodeStub: string;
    command?: string;
}
interface CommandRun {
    id: string;
    ms: number;
    modulesLoaded: string[];
    errors: string[];
}
interface ActivationProbeOutput {
    loadMs: number;
    activateMs: number;
    totalMs: number;
    modulesLoaded: string[];
    command?: CommandRun;
}

const GOAL_MS = 25;
const GOAL_VSIX_MB = 2;
const MB = 1024 * 1024;

/**
 * 3. activation, measured in Node with a stand-in `vscode` module (the code-server harness runs the real host but
 * exposes no activation timing): module load → end of activate for the extension's entry file and for a hello-world
 * bundle built the same way, alternating, each load in a fresh process. Then what the deferred part costs: the first
 * command (`acrCmk.refresh`), which loads the lazy file. Also file and VSIX sizes.
 */
export const activation: Benchmark = {
    name: 'activation',
    async run(context: BenchContext): Promise<BenchResult[]> {
        const outDir = path.join(repoRoot, 'out', 'bench');
        const built = await buildExtensionLikeBuildScript(path.join(outDir, 'extension'));
        const extension = built.entry;
        const hello = await bundleLikeBuildScript(
            path.join(repoRoot, 'bench', 'fixtures', 'helloWorld', 'extension.ts'),
            path.join(outDir, 'helloWorld', 'extension.js'),
        );
        const stub = await bundleLikeBuildScript(path.join(repoRoot, 'test', 'unit', 'domain', 'fakeVscode.ts'), path.join(outDir, 'fakeVscode.js'));
        const probe = (bundle: string, command?: string) =>
            runProbe<ActivationProbeOutput>('activationProbe.cjs', { bundle, vscodeStub: stub.file, command } satisfies ActivationProbeInput);
        const evaluated = modulesEvaluatedAtLoad(extension.metafile, 'src/extension.ts');
        const samples = { extension: [] as ActivationProbeOutput[], hello: [] as ActivationProbeOutput[] };
        const runs = context.quick ? 3 : 10;
        context.progress(`activation: ${runs} fresh processes each`);
        for (let run = 0; run < runs; run++) {
            samples.extension.push(await probe(extension.file));
            samples.hello.push(await probe(hello.file));
        }
        const total = (outputs: ActivationProbeOutput[]) => outputs.map((output) => output.totalMs);
        const extensionMs = median(total(samples.extension));
        const helloMs = median(total(samples.hello));
        const loadedFiles = samples.extension[0]!.modulesLoaded.map((file) => path.relative(repoRoot, file));
        const onlyEntryLoaded = samples.extension.every((sample) => sample.modulesLoaded.length === 1 && sample.modulesLoaded[0] === extension.file);
        const entryAzure = bundledFiles(extension.metafile).filter(isAzureModule);
        const firstCommands: CommandRun[] = [];
        for (let run = 0; run < (context.quick ? 1 : 3); run++) {
            const { command } = await probe(extension.file, 'acrCmk.refresh');
            if (!command || command.errors.length > 0) {
                throw new Error(`acrCmk.refresh failed after activation: ${command?.errors.join('; ')}`);
            }
            firstCommands.push(command);
        }
        const vsix = await vsixBytes([built.entry.file, built.lazy.file]);
        return [
            makeResult({
                name: 'activation (Node + stand-in vscode; module load → end of activate)',
                unit: 'ms',
                samples: total(samples.extension),
                baseline: helloMs,
                goal: `≤ ${GOAL_MS} ms`,
                met: extensionMs <= GOAL_MS,
                notes: `hello-world bundle loaded the same way: median ${helloMs.toFixed(2)} ms; extension load ${median(samples.extension.map((s) => s.loadMs)).toFixed(1)} ms + activate ${median(samples.extension.map((s) => s.activateMs)).toFixed(1)} ms; not the real extension host (see README)`,
            }),
            makeResult({
                name: 'activation: bundled modules evaluated at load',
                unit: 'modules',
                samples: [evaluated.all.length],
                baseline: null,
                goal: 'no @azure/*, only the entry file loaded',
                met: evaluated.azure.length === 0 && entryAzure.length === 0 && onlyEntryLoaded,
                notes: `@azure/* evaluated: ${evaluated.azure.length}, in the entry file: ${entryAzure.length}; files Node loaded: ${loadedFiles.join(', ')}`,
            }),
            makeResult({
                name: 'first command after activation (acrCmk.refresh; loads the lazy file)',
                unit: 'ms',
                samples: firstCommands.map((run) => run.ms),
                baseline: null,
                notes: `files it loaded: ${firstCommands[0]!.modulesLoaded.map((file) => path.relative(repoRoot, file)).join(', ')}`,
            }),
            makeResult({
                name: `entry file size (dist/${path.basename(built.entry.file)}, build-script options)`,
                unit: 'MB',
                samples: [extension.bytes / MB],
                baseline: hello.bytes / MB,
                ratio: null,
                notes: 'baseline = the hello-world bundle',
            }),
            makeResult({
                name: `lazy file size (dist/${path.basename(built.lazy.file)})`,
                unit: 'MB',
                samples: [built.lazy.bytes / MB],
                baseline: null,
                notes: `${built.lazyModules.length} dynamically imported modules (${built.lazyModules.filter(isAzureModule).length} @azure/*) and what they import; ${built.sharedModules.length} entry modules shared with it at run time`,
            }),
            makeResult({
                name: 'VSIX size (vsce package --no-dependencies)',
                unit: 'MB',
                samples: [vsix / MB],
                goal: `≤ ${GOAL_VSIX_MB} MB`,
                met: vsix / MB <= GOAL_VSIX_MB,
            }),
        ];
    },
};
