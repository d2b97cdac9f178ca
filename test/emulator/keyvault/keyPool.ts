import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

const generate = promisify(generateKeyPair);
export interface PooledKey {
    id: string;
    size: number;
    pem: string;
}
interface PoolFile {
    shared: PooledKey[];
    spare: PooledKey[];
}

// RSA key generation takes 50 ms–3 s, so keys are generated ahead of use and cached in `<outDir>/key-pool.json`.
// `shared` keys back the seeded world (many vault keys share a few real RSA keys); `spare` keys are handed out
// once each to keys created through the API, and replaced in the background.
const SHARED_PER_SIZE = 4;
const SPARE_TARGET: Record<number, number> = { 2048: 4, 3072: 1, 4096: 1 };

async function newRsaKey(size: number): Promise<PooledKey> {
    const { privateKey } = await generate('rsa', { modulusLength: size });
    return { id: `rsa${size}-${randomBytes(6).toString('hex')}`, size, pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}

// Shared keys are also kept for the whole process, so many emulators in one test run generate them once.
const processShared: PooledKey[] = [];

export class KeyPool {
    private pool: PoolFile = { shared: [], spare: [] };
    private refills = new Map<number, Promise<void>>();

    constructor(private readonly file: string) {
        if (existsSync(file)) this.pool = JSON.parse(readFileSync(file, 'utf8')) as PoolFile;
    }

    /** A shared pool key (deterministic by index) for seeding. */
    async shared(size: number, index: number): Promise<PooledKey> {
        let keys = this.pool.shared.filter((k) => k.size === size);
        if (keys.length < SHARED_PER_SIZE) {
            const known = processShared.filter((k) => k.size === size && !keys.some((m) => m.id === k.id)).slice(0, SHARED_PER_SIZE - keys.length);
            const made = await Promise.all(Array.from({ length: SHARED_PER_SIZE - keys.length - known.length }, () => newRsaKey(size)));
            processShared.push(...made);
            this.pool.shared.push(...known, ...made);
            this.save();
            keys = this.pool.shared.filter((k) => k.size === size);
        }
        return keys[index % keys.length]!;
    }

    /** A key no other vault key has received from this pool (generated now if the pool is empty). */
    async take(size: number): Promise<PooledKey> {
        const index = this.pool.spare.findIndex((k) => k.size === size);
        const key = index >= 0 ? this.pool.spare.splice(index, 1)[0]! : await newRsaKey(size);
        this.save();
        this.refill(size);
        return key;
    }

    /** Waits for background refills (used on stop so no generation outlives the emulator). */
    async idle(): Promise<void> {
        await Promise.all(this.refills.values());
    }

    private refill(size: number): void {
        if (this.refills.has(size)) return;
        const run = (async () => {
            while (this.pool.spare.filter((k) => k.size === size).length < (SPARE_TARGET[size] ?? 1)) {
                this.pool.spare.push(await newRsaKey(size));
            }
            this.save();
        })().finally(() => this.refills.delete(size));
        this.refills.set(size, run);
    }

    private save(): void {
        const tmp = `${this.file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(this.pool), { mode: 0o600 });
        renameSync(tmp, this.file);
    }
}
