/**
 * Promises kept by key until forgotten (`keyOf` spells a key the way keys match, e.g. in lower case). One that fails is
 * dropped, so the next read tries again instead of returning the failure forever.
 */
export class PromiseCache<K, T> {
    private readonly entries = new Map<string, Promise<T>>();

    constructor(private readonly keyOf: (key: K) => string) {}

    /** The kept promise, else `read()`, kept. */
    get(key: K, read: () => Promise<T>): Promise<T> {
        return this.entries.get(this.keyOf(key)) ?? this.set(key, read());
    }

    peek(key: K): Promise<T> | undefined {
        return this.entries.get(this.keyOf(key));
    }

    set(key: K, promise: Promise<T>): Promise<T> {
        const id = this.keyOf(key);
        this.entries.set(id, promise);
        promise.catch(() => {
            if (this.entries.get(id) === promise) {
                this.entries.delete(id);
            }
        });
        return promise;
    }

    forget(key: K): void {
        this.entries.delete(this.keyOf(key));
    }

    clear(): void {
        this.entries.clear();
    }
}
