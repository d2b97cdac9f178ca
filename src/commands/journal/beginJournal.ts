import { RunJournal, type JournalStart } from '../../domain/engine/RunJournal';
import type { CommandServices } from '../CommandServices';

/** Starts the journal of a run before its first change; without a storage folder (some tests) the run keeps none. */
export async function beginJournal(services: Pick<CommandServices, 'journal'>, start: JournalStart): Promise<RunJournal | undefined> {
    return services.journal ? RunJournal.begin(services.journal, start) : undefined;
}
