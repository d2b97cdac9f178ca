import { existsSync, readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { World } from './types';

/** The world as the admin API shows it: everything except private key material. */
export function publicWorld(world: World): unknown {
    const { keyMaterial, ...rest } = world;
    return { ...rest, keyMaterial: Object.fromEntries(Object.keys(keyMaterial).map((id) => [id, '<private key: not shown>'])) };
}

interface StateFile {
    keyVaultDnsSuffix: string;
    world: World;
}

/** `--state <file>`: the world is reloaded at start and written (debounced, tmp + rename) after changes. */
export class StatePersistence {
    private timer: NodeJS.Timeout | undefined;
    constructor(
        private readonly path: string,
        private readonly keyVaultDnsSuffix: string,
        private readonly world: () => World,
    ) {}

    /** The saved world; vault URLs are rewritten when the port (and so the DNS suffix) changed since it was saved. */
    load(): World | undefined {
        if (!existsSync(this.path)) return undefined;
        const text = readFileSync(this.path, 'utf8');
        const saved = JSON.parse(text) as StateFile;
        if (saved.keyVaultDnsSuffix === this.keyVaultDnsSuffix) return saved.world;
        return (JSON.parse(text.split(saved.keyVaultDnsSuffix).join(this.keyVaultDnsSuffix)) as StateFile).world;
    }

    schedule(): void {
        if (this.timer) return;
        this.timer = setTimeout(() => {
            this.timer = undefined;
            this.writeNow();
        }, 200);
    }

    flush(): void {
        if (this.timer) {
            clearTimeout(this.timer);
            this.timer = undefined;
            this.writeNow();
        }
    }

    private writeNow(): void {
        mkdirSync(dirname(this.path), { recursive: true });
        const tmp = `${this.path}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ keyVaultDnsSuffix: this.keyVaultDnsSuffix, world: this.world() } satisfies StateFile), { mode: 0o600 });
        renameSync(tmp, this.path);
    }
}
