import { removeGrant } from '../access/encryptionAccess';
import { findEncryptionGrants } from '../access/findEncryptionGrants';
import { getVault } from '../access/getVault';
import { listKeyVersionStates } from '../access/keyState';
import { resumeRegistryOperation } from '../azure/registries';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { formatKeyIdentifier } from '../keys/keyIdentifier';
import { getRegistry } from '../registries/getRegistry';
import { hasIdentityType } from '../registries/identity';
import { encryptionSnapshot, sameEncryption } from '../rotate/encryptionSnapshot';
import { runTag } from '../rotate/keyVersions';
import { assertPlanStillHolds } from '../rotate/planStillHolds';
import { encryptionIdentityValue } from '../rotate/plannedIdentity';
import { patchRegistry, restoreIdentityBody } from '../rotate/registryPatches';
import type { RotationPlan, RotationProgress, RotationStepName } from '../rotate/RotationPlan';
import { finishRotation, runRotationStep, type RotationResult } from '../rotate/runRotation';
import { rotationSteps } from '../rotate/rotationSteps';
import { doneSteps, inFlightChange, type JournalEntry } from '../engine/JournalEntry';
import type { StepJournal } from '../engine/RunJournal';

/** A rotation plan as the journal keeps it (a Set does not survive JSON). */
export function journalRotationPlan(plan: RotationPlan): unknown {
    return { ...plan, steps: [...plan.steps] };
}

export function rotationPlanOf(entry: JournalEntry): RotationPlan {
    const stored = entry.plan as Omit<RotationPlan, 'steps'> & { steps: RotationStepName[] };
    return { ...stored, steps: new Set(stored.steps) };
}

/**
 * Where an interrupted rotation stands: the journal's finished steps, plus the step in flight when Azure shows it
 * landed (a registry operation still running is polled to its end first, never sent again). A planned key version is
 * looked for by its run tag even when this journal never started it: the registries of one Rotate All share it, and
 * the one resumed first may have made it.
 */
export async function settleRotation(factory: AzureClientFactory, entry: JournalEntry): Promise<{ plan: RotationPlan; progress: RotationProgress }> {
    // The vault as it is now (its access policies changed since the plan was read).
    const planned = rotationPlanOf(entry);
    const plan: RotationPlan = { ...planned, vault: await getVault(factory, planned.vault.id) };
    const saved = (entry.state ?? {}) as Partial<RotationProgress>;
    const progress: RotationProgress = {
        ...saved,
        principalId: saved.principalId ?? plan.identity.principalId,
        targetKeyId: saved.targetKeyId ?? plan.targetKeyId,
        runId: saved.runId ?? entry.id,
        completed: doneSteps(entry) as RotationStepName[],
    };
    const inFlight = inFlightChange(entry);
    if (inFlight?.operation) {
        await resumeRegistryOperation(factory, plan.registry.subscriptionId, inFlight.operation).catch(() => undefined);
    }
    if (inFlight && (await landed(factory, plan, progress, inFlight.step as RotationStepName))) {
        progress.completed.push(inFlight.step as RotationStepName);
    }
    const versionPending = plan.steps.has('createKeyVersion') && !progress.completed.includes('createKeyVersion') && inFlight?.step !== 'createKeyVersion';
    if (versionPending && (await landed(factory, plan, progress, 'createKeyVersion'))) {
        progress.completed.push('createKeyVersion');
    }
    return { plan, progress };
}

/** Whether the change of a step cut off in flight reached Azure; learns what it made. Steps that can run twice say no. */
async function landed(factory: AzureClientFactory, plan: RotationPlan, progress: RotationProgress, step: RotationStepName): Promise<boolean> {
    switch (step) {
        case 'reassignIdentity':
        case 'assignIdentity': {
            const wanted = step === 'assignIdentity' && plan.identity.kind === 'user' ? plan.identity.resourceId : (plan.reassignIdentityId ?? '');
            const registry = await getRegistry(factory, plan.registry.id);
            return Object.keys(registry.raw.identity?.userAssignedIdentities ?? {}).some((id) => id.toLowerCase() === wanted.toLowerCase());
        }
        case 'enableSystemIdentity': {
            const identity = (await getRegistry(factory, plan.registry.id)).raw.identity;
            if (hasIdentityType(identity, 'SystemAssigned') && identity?.principalId) {
                progress.principalId = identity.principalId;
                return true;
            }
            return false;
        }
        case 'grantAccess': {
            // The plan found no access for this identity, so a grant there now is the run's own.
            const [grant] = progress.principalId ? await findEncryptionGrants(factory, plan.vault, progress.principalId) : [];
            progress.grant = grant;
            progress.grantCreated = !!grant;
            return !!grant;
        }
        case 'createKeyVersion': {
            const made = (await listKeyVersionStates(factory, plan.key)).find((version) => version.tags?.[runTag] === progress.runId);
            if (made) {
                progress.createdVersion = made.version;
                progress.targetKeyId = plan.versionless
                    ? formatKeyIdentifier(plan.key, { versionless: true })
                    : formatKeyIdentifier({ ...plan.key, version: made.version });
            }
            return !!made;
        }
        case 'switchEncryption': {
            const registry = await getRegistry(factory, plan.registry.id);
            const switched =
                !!progress.targetKeyId &&
                sameEncryption(encryptionSnapshot(registry), { keyIdentifier: progress.targetKeyId, identity: encryptionIdentityValue(plan.identity) });
            progress.after = switched ? registry : undefined;
            return switched;
        }
        default:
            // Trusted services, policy rights, the rotation policy, removing the old grant: doing them again changes nothing.
            return false;
    }
}

/** Resume: Azure is read again (the plan must still hold), then every change not yet made is made, in order. */
export async function resumeRotation(factory: AzureClientFactory, entry: JournalEntry, journal: StepJournal): Promise<RotationResult> {
    const { plan, progress } = await settleRotation(factory, entry);
    if (!progress.completed.includes('switchEncryption')) {
        await assertPlanStillHolds(factory, plan, 'switchEncryption', progress);
    }
    for (const step of rotationSteps.filter((candidate) => plan.steps.has(candidate.name) && !progress.completed.includes(candidate.name))) {
        await runRotationStep(factory, plan, progress, step, journal);
    }
    return finishRotation(factory, plan, progress);
}

export interface RotationCleanUp {
    /** Steps whose change was taken back. */
    readonly undone: readonly RotationStepName[];
    /** Steps whose change stays (Key Vault cannot delete one key version; trusted services and policy rights may serve others). */
    readonly kept: readonly RotationStepName[];
}

/**
 * Clean Up before the switch: takes back what the run added (the grant, the identity it assigned or turned on). After
 * the switch the registry already uses the new key: only Resume is offered (`CleanUpAfterSwitch`). A grant a Rotate All
 * made for several registries at once stays (another of them may use it already): it is named among the kept changes.
 */
export async function cleanUpRotation(factory: AzureClientFactory, entry: JournalEntry): Promise<RotationCleanUp> {
    const { plan, progress } = await settleRotation(factory, entry);
    if (progress.completed.includes('switchEncryption')) {
        throw new DomainError('CleanUpAfterSwitch', { registry: plan.registry.name });
    }
    const undone: RotationStepName[] = [];
    if (progress.grant && !progress.sharedGrant) {
        await removeGrant(factory, plan.vault, progress.grant);
        undone.push('grantAccess');
    }
    const identitySteps = progress.completed.filter((step) => step === 'assignIdentity' || step === 'reassignIdentity' || step === 'enableSystemIdentity');
    if (identitySteps.length > 0) {
        const registry = await getRegistry(factory, plan.registry.id);
        await patchRegistry(factory, registry, restoreIdentityBody(plan.registry.raw.identity, registry.raw.identity));
        undone.push(...identitySteps);
    }
    return { undone, kept: progress.completed.filter((step) => !undone.includes(step)) };
}
