import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { JournalEntry } from './JournalEntry';

/** Where journals live: one file per run, so two windows never write the same file. */
export interface JournalStore {
    list(): Promise<JournalEntry[]>;
    write(entry: JournalEntry): Promise<void>;
    remove(id: string): Promise<void>;
}

const suffix = '.json';

/**
 * Journals as JSON files in one folder (the extension's global storage). A write goes to a temporary file that is then
 * renamed over the journal, so a crash mid-write leaves the previous version whole, never half a file.
 */
export class FileJournalStore implements JournalStore {
    constructor(private readonly folder: string) {}

    async list(): Promise<JournalEntry[]> {
        const names = await fs.readdir(this.folder).catch(() => [] as string[]);
        const read = names
            .filter((name) => name.endsWith(suffix))
            .map((name) => fs.readFile(path.join(this.folder, name), 'utf8').then(parseEntry, () => undefined));
        const entries = (await Promise.all(read)).filter((entry): entry is JournalEntry => entry !== undefined);
        return entries.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    }

    async write(entry: JournalEntry): Promise<void> {
        await fs.mkdir(this.folder, { recursive: true });
        const file = this.fileOf(entry.id);
        const temporary = `${file}.${process.pid}.tmp`;
        await fs.writeFile(temporary, JSON.stringify(entry), { mode: 0o600 });
        await fs.rename(temporary, file);
    }

    async remove(id: string): Promise<void> {
        await fs.rm(this.fileOf(id), { force: true });
    }

    private fileOf(id: string): string {
        // Ids are GUIDs; anything else is reduced to GUID characters, so a file name never leaves the folder.
        return path.join(this.folder, id.replace(/[^0-9a-f-]/gi, '') + suffix);
    }
}

function parseEntry(text: string): JournalEntry | undefined {
    try {
        const entry = JSON.parse(text) as JournalEntry;
        return entry.version === 1 && typeof entry.id === 'string' && Array.isArray(entry.changes) ? entry : undefined;
    } catch {
        return undefined;
    }
}

/** Journals in memory (tests, and sessions without an extension storage folder). */
export class MemoryJournalStore implements JournalStore {
    private readonly entries = new Map<string, string>();

    list(): Promise<JournalEntry[]> {
        return Promise.resolve([...this.entries.values()].map((text) => JSON.parse(text) as JournalEntry));
    }

    write(entry: JournalEntry): Promise<void> {
        this.entries.set(entry.id, JSON.stringify(entry));
        return Promise.resolve();
    }

    remove(id: string): Promise<void> {
        this.entries.delete(id);
        return Promise.resolve();
    }
}
