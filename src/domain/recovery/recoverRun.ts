import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { describeResources, type ExistingResource } from '../create/CreateRunState';
import type { RevocationStore } from '../revoke/RevocationRecord';
import type { JournalEntry, JournalFlow } from '../engine/JournalEntry';
import type { JournalStore } from '../engine/JournalStore';
import type { CreateRunState } from '../create/CreateRunState';
import { cleanUpCreate, resumeCreate, settleCreate } from './recoverCreate';
import { cleanUpRestore, cleanUpRevoke, resumeRestore, resumeRevoke } from './recoverKeyAccess';
import { cleanUpRotation, resumeRotation } from './recoverRotation';
import { RunJournal } from '../engine/RunJournal';

export interface RecoveryStores {
    readonly journal: JournalStore;
    readonly revocations: RevocationStore;
}

/** What Clean Up took back: resources deleted (create), or the steps undone and those whose change stays. */
export type CleanUpOutcome =
    | { readonly flow: 'create'; readonly deleted: readonly ExistingResource[] }
    | { readonly flow: 'rotate' | 'revoke' | 'restore'; readonly undone: readonly string[]; readonly kept: readonly string[] };

const resumers: Record<JournalFlow, (factory: AzureClientFactory, entry: JournalEntry, stores: RecoveryStores, journal: RunJournal) => Promise<unknown>> = {
    create: (factory, entry, _stores, journal) => resumeCreate(factory, entry, journal),
    rotate: (factory, entry, _stores, journal) => resumeRotation(factory, entry, journal),
    revoke: (factory, entry, stores, journal) => resumeRevoke(factory, entry, stores.revocations, journal),
    restore: (factory, entry, stores, journal) => resumeRestore(factory, entry, stores.revocations, journal),
};

/**
 * Resume: this process adopts the run's journal and makes the changes not yet made; the journal is removed once the run
 * completes, and kept (to offer again) when Resume fails.
 */
export async function resumeRun(factory: AzureClientFactory, entry: JournalEntry, stores: RecoveryStores): Promise<void> {
    const journal = RunJournal.adopt(stores.journal, entry);
    await resumers[entry.flow](factory, entry, stores, journal);
    await journal.finish();
}

/**
 * What Clean Up of a run would take back, read before the user confirms it: the resources a create made (Azure read
 * once: a registry operation still running is polled to its end and the change in flight probed), or the journal's steps.
 */
export type CleanUpPreview =
    | { readonly flow: 'create'; readonly entry: JournalEntry; readonly settled: CreateRunState; readonly resources: readonly ExistingResource[] }
    | { readonly flow: 'rotate' | 'revoke' | 'restore'; readonly entry: JournalEntry; readonly steps: readonly string[] };

export async function previewCleanUp(factory: AzureClientFactory, entry: JournalEntry): Promise<CleanUpPreview> {
    if (entry.flow === 'create') {
        const settled = await settleCreate(factory, entry);
        return { flow: 'create', entry, settled, resources: describeResources(settled).created };
    }
    return { flow: entry.flow, entry, steps: [...new Set(entry.changes.map((change) => change.step))] };
}

/** Clean Up: takes back what the run made (never what existed before it), then forgets the run. */
export async function cleanUpRun(factory: AzureClientFactory, preview: CleanUpPreview, stores: RecoveryStores): Promise<CleanUpOutcome> {
    const outcome = await cleanUp(factory, preview, stores);
    await stores.journal.remove(preview.entry.id);
    return outcome;
}

async function cleanUp(factory: AzureClientFactory, preview: CleanUpPreview, stores: RecoveryStores): Promise<CleanUpOutcome> {
    const entry = preview.entry;
    switch (entry.flow) {
        case 'create': {
            const made = await cleanUpCreate(factory, entry, preview.flow === 'create' ? preview.settled : undefined);
            return { flow: 'create', deleted: describeResources(made).created };
        }
        case 'rotate':
            return { flow: 'rotate', ...(await cleanUpRotation(factory, entry)) };
        case 'revoke':
            return { flow: 'revoke', ...(await cleanUpRevoke(factory, entry, stores.revocations)) };
        case 'restore':
            return { flow: 'restore', ...(await cleanUpRestore(factory, entry, stores.revocations)) };
    }
}
