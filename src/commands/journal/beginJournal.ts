import { RunJournal } from '../../domain/engine/RunJournal';
import type { JournalFlow } from '../../domain/engine/JournalEntry';
import type { CommandServices } from '../CommandServices';

/** The registry a run changes (or creates), as its journal names it. */
type JournaledRegistry = { readonly id: string; readonly name: string; readonly subscriptionId: string };

/**
 * Starts the journal of a run of `command` (its id without `acrCmk.`) before its first change; without a storage
 * folder (some tests) the run keeps none.
 */
export async function beginJournal(
    services: Pick<CommandServices, 'journal'>,
    flow: JournalFlow,
    command: string,
    registry: JournaledRegistry,
    plan: unknown,
    state?: unknown,
): Promise<RunJournal | undefined> {
    const start = { flow, command, registryId: registry.id, registryName: registry.name, subscriptionId: registry.subscriptionId, plan, state };
    return services.journal ? RunJournal.begin(services.journal, start) : undefined;
}
