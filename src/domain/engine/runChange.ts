import { isDomainError } from '../errors';
import type { StepFailure } from './StepFailure';
import type { StepJournal } from './RunJournal';

/**
 * One change a flow makes in Azure: its step name (in the journal, in progress and in a failure) and the request(s)
 * it sends. Plans of every flow — create, the rotation family, revoke, restore — become lists of these.
 */
export interface Change<Step extends string = string> {
    readonly step: Step;
    /** Makes the change; `journal` records a long-running operation's poller state once Azure accepted it. */
    run(journal: StepJournal): Promise<void>;
    /** After a failure, reads what the change may have made anyway, so cleanup and Resume see it. */
    probe?(): Promise<void>;
}

/** A run of changes: where they are journaled, what completed so far, and how the flow words a failure. */
export interface ChangeRun<Step extends string = string> {
    readonly journal: StepJournal;
    /** The steps completed, in order (the flow's own run state holds this array). */
    readonly completed: Step[];
    /** What the journal records after each change: the flow's run state. */
    readonly state: () => unknown;
    /** Before a change: the plan checked against Azure again (a `PlanStale*` error stops the run, nothing further changed). */
    readonly checkBefore?: (step: Step) => Promise<void>;
    /** A failed change, as the flow reads it: where it stopped, what completed, what Azure now holds (one error type for every flow). */
    readonly failed: (step: Step, error: unknown, completed: readonly Step[]) => StepFailure | Promise<StepFailure>;
}

const staleCodes: ReadonlySet<string> = new Set(['PlanStale', 'PlanStaleKey', 'PlanStaleAccess']);

/**
 * The one way a flow makes a change: the plan checked again if the flow asks, the start journaled before the request,
 * the end after Azure's answer. A failure is probed, then thrown as the flow's `StepFailure`; a stale plan passes through
 * as it is.
 */
export async function runChange<Step extends string>(run: ChangeRun<Step>, change: Change<Step>): Promise<void> {
    try {
        await run.checkBefore?.(change.step);
        await run.journal.started(change.step);
        await change.run(run.journal);
    } catch (error) {
        if (isDomainError(error) && staleCodes.has(error.code)) {
            throw error;
        }
        await change.probe?.().catch(() => undefined);
        throw await run.failed(change.step, error, [...run.completed]);
    }
    run.completed.push(change.step);
    await run.journal.done(change.step, run.state());
}

/** Makes the changes one after another; the first failure stops the run. */
export async function runChanges<Step extends string>(run: ChangeRun<Step>, changes: readonly Change<Step>[]): Promise<void> {
    for (const change of changes) {
        await runChange(run, change);
    }
}
