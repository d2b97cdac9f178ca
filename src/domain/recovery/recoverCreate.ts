import { resumeRegistryOperation } from '../azure/registries';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { cleanupCreate } from '../create/cleanupCreate';
import type { CreatePlan, CreateStepId } from '../create/CreatePlan';
import { emptyRunState, type CreateRunState } from '../create/CreateRunState';
import { executeCreate, probeCreateStep, type CreateResult } from '../create/executeCreate';
import { inFlightChange, type JournalEntry } from '../engine/JournalEntry';
import { noJournal, type StepJournal } from '../engine/RunJournal';

/**
 * The run state of an interrupted create, brought up to date with Azure: a registry operation still running is
 * polled to its end (never started again), and the change in flight is probed, so what it may have made is known.
 */
export async function settleCreate(factory: AzureClientFactory, entry: JournalEntry): Promise<CreateRunState> {
    const plan = entry.plan as CreatePlan;
    const state = { ...emptyRunState(), ...(entry.state as CreateRunState | null) };
    const inFlight = inFlightChange(entry);
    if (inFlight?.operation) {
        // The operation's own failure is not this run's to report again: the probe below reads where it ended.
        await resumeRegistryOperation(factory, plan.subscriptionId, inFlight.operation).catch(() => undefined);
    }
    if (inFlight) {
        await probeCreateStep({ factory, plan, state, options: {}, journal: noJournal }, inFlight.step as CreateStepId);
    }
    return state;
}

/** Resume: everything the run made is reused, the first change not made and all after it are made. */
export async function resumeCreate(factory: AzureClientFactory, entry: JournalEntry, journal: StepJournal): Promise<CreateResult> {
    const state = await settleCreate(factory, entry);
    return executeCreate(factory, entry.plan as CreatePlan, { resume: state, journal });
}

/**
 * Clean Up: deletes what the run made (as a failed create's cleanup does), nothing that existed before it. `settled` is
 * the state `settleCreate` read for the confirmation, so Azure is not polled and probed a second time.
 */
export async function cleanUpCreate(factory: AzureClientFactory, entry: JournalEntry, settled?: CreateRunState): Promise<CreateRunState> {
    const state = settled ? structuredClone(settled) : await settleCreate(factory, entry);
    const made = structuredClone(state);
    await cleanupCreate(factory, state);
    return made;
}
