/** Median of a sample (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
    if (values.length === 0) {
        throw new Error('median of an empty sample');
    }
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Summary {
    readonly runs: number;
    readonly median: number;
    readonly min: number;
    readonly max: number;
}

export function summarize(values: readonly number[]): Summary {
    return { runs: values.length, median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** Milliseconds since `start` (from `process.hrtime.bigint()`). */
export function elapsedMs(start: bigint): number {
    return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function timeMs<T>(action: () => Promise<T>): Promise<{ ms: number; value: T }> {
    const start = process.hrtime.bigint();
    const value = await action();
    return { ms: elapsedMs(start), value };
}
