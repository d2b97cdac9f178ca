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

/** Runs cut off together: the registries of one fleet run (Rotate All …) share a run id; any other run is alone. */
export interface InterruptedGroup {
    /** The fleet run's id, or the one run's journal id. */
    readonly id: string;
    readonly entries: readonly JournalEntry[];
}

const fleetCommands: ReadonlySet<string> = new Set(['rotateAllUsingKey', 'enableAutoRotationUsingKey']);

/** The fleet run a journal belongs to, if any: the run id its rotation progress carries (the key version's tag too). */
export function fleetRunOf(entry: JournalEntry): string | undefined {
    const runId = (entry.state as { runId?: unknown } | null)?.runId;
    return fleetCommands.has(entry.command) && typeof runId === 'string' ? `${entry.command}:${runId}` : undefined;
}

/** Groups interrupted runs for the next start: one offer per fleet run (not one per registry), one per other run. */
export function groupInterruptedRuns(entries: readonly JournalEntry[]): InterruptedGroup[] {
    const groups = new Map<string, JournalEntry[]>();
    for (const entry of entries) {
        const id = fleetRunOf(entry) ?? entry.id;
        groups.set(id, [...(groups.get(id) ?? []), entry]);
    }
    return [...groups].map(([id, grouped]) => ({ id, entries: grouped }));
}
