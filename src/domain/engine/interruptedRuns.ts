import { hostname } from 'node:os';
import type { JournalEntry } from './JournalEntry';
import type { JournalStore } from './JournalStore';

/** Whether the process that wrote a journal still runs (another window's flow in progress is not interrupted). */
export function ownerAlive(owner: JournalEntry['owner'], thisHost = hostname()): boolean {
    if (owner.host !== thisHost) {
        // Another machine's journal (a shared home folder): it cannot be checked from here, so it is left alone.
        return true;
    }
    if (owner.pid === process.pid) {
        return true;
    }
    try {
        process.kill(owner.pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}

/** Runs whose process is gone before they finished: what the next start offers to resume or clean up. */
export async function findInterruptedRuns(store: JournalStore, alive: (owner: JournalEntry['owner']) => boolean = ownerAlive): Promise<JournalEntry[]> {
    return (await store.list()).filter((entry) => !alive(entry.owner));
}
