import { noRegistryJournal, type BeginRegistryJournal } from '../../domain/fleet/rotateAll/fleetJournal';
import { journalRotationPlan } from '../../domain/recovery/recoverRotation';
import type { CommandServices } from '../CommandServices';
import { beginJournal } from '../journal/beginJournal';

/**
 * The journal of each registry a Rotate All changes, as one rotation's (flow `rotate`, named by the command that ran):
 * a run cut off by a reload or crash is offered on the next start for Resume or Clean Up, registry by registry.
 */
export function registryJournals(services: Pick<CommandServices, 'journal'>, command: string): BeginRegistryJournal {
    return async (plan, progress) =>
        (await beginJournal(services, 'rotate', command, plan.registry, journalRotationPlan(plan), progress)) ?? noRegistryJournal(plan, progress);
}
