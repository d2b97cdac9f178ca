/** Every item of an async sequence (an SDK list follows its pages), in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
    const all: T[] = [];
    for await (const item of items) {
        all.push(item);
    }
    return all;
}
