import { removeGrant } from '../access/encryptionAccess';
import { setKeyVersionEnabled } from '../access/keyState';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { getVault } from '../access/getVault';
import type { EncryptionTarget } from '../revoke/encryptionTarget';
import { runRestore, type RestorePlan, type RestoreResult } from '../restore/restoreKeyAccess';
import { grantStepName } from '../revoke/grantStepName';
import { runRevoke, type RevokePlan, type RevokeResult } from '../revoke/revokeKeyAccess';
import type { RevocationRecord, RevocationStore } from '../revoke/RevocationRecord';
import { doneSteps, type JournalEntry } from '../engine/JournalEntry';
import type { StepJournal } from '../engine/RunJournal';

// Revoke and Restore change one grant or one key version at a time, and each change is safe to make twice (a grant
// already gone, a version already disabled): Resume makes every change not journaled as done, the one in flight included.

/** Resume an interrupted revocation: the grants and versions it had not yet taken away. */
export async function resumeRevoke(factory: AzureClientFactory, entry: JournalEntry, store: RevocationStore, journal: StepJournal): Promise<RevokeResult> {
    const plan = await freshPlan<RevokePlan>(factory, entry);
    const done = new Set(doneSteps(entry));
    const remaining: RevokePlan = {
        ...plan,
        grants: plan.grants.filter((grant) => !done.has(grantStepName('removeGrant', grant))),
        versions: plan.versions.filter((version) => !done.has(`disableVersion:${version}`)),
    };
    return runRevoke(factory, remaining, store, plan.target.registry.name, new Date(), journal);
}

/** What Clean Up of a revocation or a restore took back: the journal's own step names (as the confirmation listed them). */
type StepsTakenBack = { readonly undone: string[]; readonly kept: string[] };

/**
 * Clean Up of an interrupted revocation: puts back what it took away (the grants it removed, the versions it disabled —
 * the one in flight too, as putting back is harmless when it was never taken), and forgets the revocation.
 */
export async function cleanUpRevoke(factory: AzureClientFactory, entry: JournalEntry, store: RevocationStore): Promise<StepsTakenBack> {
    const plan = await freshPlan<RevokePlan>(factory, entry);
    const touched = new Set(entry.changes.map((change) => change.step));
    const restorePlan: RestorePlan = {
        target: plan.target,
        recoverKey: false,
        grants: plan.grants.filter((grant) => touched.has(grantStepName('removeGrant', grant))),
        versions: plan.versions.filter((version) => touched.has(`disableVersion:${version}`)),
    };
    const restored = await runRestore(factory, restorePlan, store);
    return {
        undone: [
            ...restored.grants.map((grant) => grantStepName('removeGrant', grant)),
            ...restored.enabledVersions.map((version) => `disableVersion:${version}`),
        ],
        kept: [],
    };
}

/** Resume an interrupted restore: its plan again (each change is idempotent); the revocation record goes at the end. */
export async function resumeRestore(factory: AzureClientFactory, entry: JournalEntry, store: RevocationStore, journal: StepJournal): Promise<RestoreResult> {
    return runRestore(factory, await freshPlan<RestorePlan>(factory, entry), store, journal);
}

/**
 * Clean Up of an interrupted restore: takes back what it put back, so the registry is revoked as before and its
 * revocation record (still there: a restore deletes it only when done) stays true.
 */
export async function cleanUpRestore(factory: AzureClientFactory, entry: JournalEntry, store: RevocationStore): Promise<StepsTakenBack> {
    const plan = await freshPlan<RestorePlan>(factory, entry);
    const touched = new Set(entry.changes.map((change) => change.step));
    const record: RevocationRecord | undefined = plan.record ?? store.get(plan.target.registry.id);
    const grants = (plan.grants === 'derive' ? ((entry.state as RestoreResult | null)?.grants ?? []) : plan.grants).filter(
        (grant) => plan.grants === 'derive' || touched.has(grantStepName('regrant', grant)),
    );
    for (const grant of grants) {
        await removeGrant(factory, plan.target.vault, grant);
    }
    const versions = [
        ...new Set(entry.changes.filter((change) => change.step.startsWith('enableVersion:')).map((change) => change.step.slice('enableVersion:'.length))),
    ];
    for (const version of versions) {
        await setKeyVersionEnabled(factory, plan.target.key, version, false);
    }
    if (record && !store.get(record.registryId)) {
        await store.save(record);
    }
    return { undone: [...grants.map((grant) => grantStepName('regrant', grant)), ...versions.map((version) => `enableVersion:${version}`)], kept: [] };
}

/** The journal's plan with its vault read again: its access policies changed since the plan was read (a grant check reads them). */
async function freshPlan<P extends { readonly target: EncryptionTarget }>(factory: AzureClientFactory, entry: JournalEntry): Promise<P> {
    const plan = entry.plan as P;
    return { ...plan, target: { ...plan.target, vault: await getVault(factory, plan.target.vault.id) } };
}
