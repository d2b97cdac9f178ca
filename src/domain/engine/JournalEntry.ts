/**
 * The journal of one run of a flow that changes Azure: the plan the user confirmed and each change as it goes, so a run
 * cut off by a reload, a quit or a crash can be resumed or cleaned up on the next start. Ids, names and flags only —
 * never a token, secret or key material (the security suite reads journals).
 */
export type JournalFlow = 'create' | 'rotate' | 'revoke' | 'restore';

export interface JournalChange {
    readonly step: string;
    /** `started` is written before the request that makes the change; `done` after Azure answered it. */
    readonly status: 'started' | 'done';
    readonly at: string;
    /** A long-running operation in flight: the poller's serialized state (its status URL), to poll it to its end later. */
    readonly operation?: string;
}

export interface JournalEntry {
    readonly version: 1;
    readonly id: string;
    readonly flow: JournalFlow;
    /** The command that ran the flow (`rotateKey`, `useSystemIdentity`, …), for the words shown on the next start. */
    readonly command: string;
    readonly registryId: string;
    readonly registryName: string;
    readonly subscriptionId: string;
    readonly startedAt: string;
    readonly updatedAt: string;
    /** The process that runs the flow: a run whose process is gone did not finish. */
    readonly owner: { readonly pid: number; readonly host: string };
    /** The confirmed plan, as data. */
    readonly plan: unknown;
    /** What the run learnt or made so far (create's run state, rotation's progress, revoke's removals…). */
    readonly state: unknown;
    readonly changes: readonly JournalChange[];
}

/** The step started last and not done: the change that may or may not have reached Azure when the run stopped. */
export function inFlightChange(entry: JournalEntry): JournalChange | undefined {
    const last = new Map<string, JournalChange>();
    for (const change of entry.changes) {
        last.set(change.step, change);
    }
    return [...last.values()].find((change) => change.status === 'started');
}

/** Steps whose change Azure confirmed. */
export function doneSteps(entry: JournalEntry): string[] {
    return [...new Set(entry.changes.filter((change) => change.status === 'done').map((change) => change.step))];
}

/** Whether Clean Up can be offered: not once a rotation switched the registry to its new key (only Resume then). */
export function canCleanUp(entry: JournalEntry): boolean {
    return !(entry.flow === 'rotate' && doneSteps(entry).includes('switchEncryption'));
}
