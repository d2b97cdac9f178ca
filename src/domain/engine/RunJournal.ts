import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { JournalChange, JournalEntry } from './JournalEntry';
import type { JournalStore } from './JournalStore';

/** What a flow tells its journal while it changes Azure. */
export interface StepJournal {
    /** Before the request that makes the change. */
    started(step: string): Promise<void>;
    /** A long-running operation was accepted: its poller state, so a later run polls it instead of starting it again. */
    operation(step: string, serialized: string): Promise<void>;
    /** Azure answered the change; `state` is what the run knows now. */
    done(step: string, state?: unknown): Promise<void>;
}

/** For runs that keep no journal (tests of a single step, the programmatic API without storage). */
export const noJournal: StepJournal = {
    started: () => Promise.resolve(),
    operation: () => Promise.resolve(),
    done: () => Promise.resolve(),
};

/** What a run's journal starts with: the entry's own fields (the state optional). */
export type JournalStart = Pick<JournalEntry, 'flow' | 'command' | 'registryId' | 'registryName' | 'subscriptionId' | 'plan'> & { readonly state?: unknown };

/** The journal of the run in progress: every record rewrites the run's file (atomically), one write at a time. */
export class RunJournal implements StepJournal {
    private queue: Promise<void> = Promise.resolve();
    private finished = false;

    private constructor(
        private readonly store: JournalStore,
        private entry: JournalEntry,
        private readonly now: () => Date,
    ) {}

    static async begin(store: JournalStore, start: JournalStart, now: () => Date = () => new Date()): Promise<RunJournal> {
        const at = now().toISOString();
        const entry: JournalEntry = {
            version: 1,
            id: randomUUID(),
            ...start,
            state: start.state ?? null,
            startedAt: at,
            updatedAt: at,
            owner: { pid: process.pid, host: hostname() },
            changes: [],
        };
        await store.write(entry);
        return new RunJournal(store, entry, now);
    }

    /** Takes over the journal of an interrupted run (Resume): this process owns it now. */
    static adopt(store: JournalStore, entry: JournalEntry, now: () => Date = () => new Date()): RunJournal {
        return new RunJournal(store, { ...entry, owner: { pid: process.pid, host: hostname() } }, now);
    }

    get current(): JournalEntry {
        return this.entry;
    }

    started(step: string): Promise<void> {
        return this.record({ step, status: 'started' });
    }

    operation(step: string, serialized: string): Promise<void> {
        return this.record({ step, status: 'started', operation: serialized });
    }

    done(step: string, state?: unknown): Promise<void> {
        return this.record({ step, status: 'done' }, state);
    }

    /** What the run knows changed without a step (a retry's new state). */
    setState(state: unknown): Promise<void> {
        return this.update((entry) => ({ ...entry, state }));
    }

    /** The run ended and the user was told how: nothing is left to resume. */
    async finish(): Promise<void> {
        this.finished = true;
        await this.queue.catch(() => undefined);
        await this.store.remove(this.entry.id);
    }

    private record(change: Omit<JournalChange, 'at'>, state?: unknown): Promise<void> {
        return this.update((entry) => ({
            ...entry,
            changes: [...entry.changes, { ...change, at: this.now().toISOString() }],
            ...(state === undefined ? {} : { state }),
        }));
    }

    private update(change: (entry: JournalEntry) => JournalEntry): Promise<void> {
        if (this.finished) {
            // A retry after the flow ended (its message shown) is not journaled again.
            return Promise.resolve();
        }
        const write = this.queue.then(async () => {
            this.entry = { ...change(this.entry), updatedAt: this.now().toISOString() };
            // A JSON round trip: what is kept is a copy, never the live objects the run goes on changing.
            await this.store.write(JSON.parse(JSON.stringify(this.entry)) as JournalEntry);
        });
        this.queue = write.catch(() => undefined);
        return write;
    }
}
