/**
 * Maps items through `worker` with at most `limit` calls in flight; results keep the input order.
 * Used to list all subscriptions at once without opening hundreds of connections.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, worker: (item: T, index: number) => Promise<R>): Promise<R[]> {
    const results = new Array<R>(items.length);
    let next = 0;
    const lanes = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
    const runLane = async (): Promise<void> => {
        while (next < items.length) {
            const index = next++;
            results[index] = await worker(items[index] as T, index);
        }
    };
    await Promise.all(Array.from({ length: lanes }, runLane));
    return results;
}
