import type { BenchResult } from './results';

export interface BenchContext {
    /** `--quick`: fewer runs and smaller worlds, about a minute in all. */
    readonly quick: boolean;
    /** Progress lines (stderr), not results. */
    progress(message: string): void;
}

export interface Benchmark {
    readonly name: string;
    run(context: BenchContext): Promise<BenchResult[]>;
}
