import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { KeyValueStorage } from '../../../src/domain/revoke/RevocationRecord';

/** A key-value storage in one JSON file: the revocation records two processes (a run and its restart) share, as VS Code's global state does. */
export class FileStorage implements KeyValueStorage {
    constructor(private readonly file: string) {}

    get<T>(key: string): T | undefined {
        return this.all()[key] as T | undefined;
    }

    update(key: string, value: unknown): Promise<void> {
        writeFileSync(this.file, JSON.stringify({ ...this.all(), [key]: value }));
        return Promise.resolve();
    }

    private all(): Record<string, unknown> {
        return existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>) : {};
    }
}
