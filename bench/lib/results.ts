import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { summarize } from './stats';

/**
 * One line of `bench/results.json`. `value` is the headline figure (usually the median of the runs, or a ratio);
 * `baseline` is what it is compared with, measured in the same run; `ratio` = value / baseline unless the
 * benchmark says otherwise in `ratioMeaning`. `runs/median/min/max` describe the measured sample behind `value`.
 */
export interface BenchResult {
    readonly name: string;
    readonly value: number;
    readonly unit: string;
    readonly baseline: number | null;
    readonly ratio: number | null;
    readonly runs: number;
    readonly median: number;
    readonly min: number;
    readonly max: number;
    readonly goal?: string;
    readonly met?: boolean;
    readonly notes?: string;
}

export interface ResultInput {
    name: string;
    unit: string;
    samples: readonly number[];
    /** Headline value; defaults to the median of `samples`. */
    value?: number;
    baseline?: number | null;
    ratio?: number | null;
    goal?: string;
    met?: boolean;
    notes?: string;
}

/** Builds a result; the ratio defaults to value / baseline (null without a baseline). */
export function makeResult(input: ResultInput): BenchResult {
    const summary = summarize(input.samples);
    const value = input.value ?? summary.median;
    const baseline = input.baseline ?? null;
    const ratio = input.ratio !== undefined ? input.ratio : baseline ? value / baseline : null;
    return {
        name: input.name,
        value: round(value),
        unit: input.unit,
        baseline: baseline === null ? null : round(baseline),
        ratio: ratio === null ? null : round(ratio),
        runs: summary.runs,
        median: round(summary.median),
        min: round(summary.min),
        max: round(summary.max),
        ...(input.goal ? { goal: input.goal } : {}),
        ...(input.met !== undefined ? { met: input.met } : {}),
        ...(input.notes ? { notes: input.notes } : {}),
    };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** The line printed for each result. */
export function formatResult(result: BenchResult): string {
    const baseline = result.baseline === null ? '' : ` | baseline ${result.baseline} ${result.unit}`;
    const ratio = result.ratio === null ? '' : ` | ratio ${result.ratio}`;
    const goal = result.goal ? ` | goal ${result.goal}: ${result.met ? 'met' : 'MISSED'}` : '';
    return `${result.name}: ${result.value} ${result.unit}${baseline}${ratio} | runs ${result.runs} median ${result.median} min ${result.min} max ${result.max}${goal}`;
}

export interface ResultsFile {
    readonly date: string;
    /** loadAverage: 1/5/15-minute load when the run ended — other work on the machine skews timings. */
    readonly machine: {
        readonly cpus: number;
        readonly cpuModel: string;
        readonly memoryGb: number;
        readonly node: string;
        readonly platform: string;
        readonly loadAverage: number[];
    };
    readonly quick: boolean;
    readonly results: readonly BenchResult[];
}

export function writeResults(file: string, contents: ResultsFile): void {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(contents, null, 2)}\n`);
}
