import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot, resolveLocalhost } from './emulatorProcess';

export const probesDir = path.join(repoRoot, 'bench', 'probes');

export interface ProbeOptions {
    env?: NodeJS.ProcessEnv;
    nodeArgs?: string[];
    timeoutMs?: number;
}

/**
 * Runs a measuring script (`bench/probes/<name>.ts`, or `<name>.cjs` in plain Node) in a fresh Node process — its own heap, module cache and CPU
 * accounting — passing `input` as JSON in argv[2]; resolves with the JSON the probe prints as its last stdout line.
 */
export function runProbe<T>(name: string, input: unknown, options: ProbeOptions = {}): Promise<T> {
    // A `.cjs` probe runs in plain Node: tsx's loader would also transform every .js it requires (e.g. a bundle being timed).
    const script = name.endsWith('.cjs')
        ? [path.join(probesDir, name)]
        : ['--require', 'tsx/cjs', '--require', resolveLocalhost, path.join(probesDir, `${name}.ts`)];
    const args = [...(options.nodeArgs ?? []), ...script, JSON.stringify(input)];
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Diagnostics a probe prints on request (BENCH_FLOW_TIMELINE: each flow's request timeline) reach the console.
        if (process.env.BENCH_FLOW_TIMELINE) {
            process.stderr.write(chunk);
        }
    });
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`probe ${name} exceeded ${options.timeoutMs} ms\n${stderr}`));
        }, options.timeoutMs ?? 300_000);
        child.once('exit', (code) => {
            clearTimeout(timer);
            const last = stdout.trim().split('\n').pop() ?? '';
            if (code !== 0) {
                reject(new Error(`probe ${name} exited ${code}\n${stderr.slice(-4000)}`));
                return;
            }
            try {
                resolve(JSON.parse(last) as T);
            } catch {
                reject(new Error(`probe ${name} printed no JSON result: ${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
            }
        });
    });
}

/** The probe side: parse argv[2], run, print the result as one JSON line, exit non-zero on failure. */
export function probeMain<I, O>(run: (input: I) => Promise<O>): void {
    run(JSON.parse(process.argv[2] ?? '{}') as I).then(
        (output) => {
            process.stdout.write(`${JSON.stringify(output)}\n`);
            process.exit(0);
        },
        (error: unknown) => {
            process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
            process.exit(1);
        },
    );
}
