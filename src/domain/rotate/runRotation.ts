import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { getRegistry } from '../registries/getRegistry';
import type { RegistrySummary } from '../registries/RegistryEncryption';
import { encryptionSnapshot } from './encryptionSnapshot';
import { describeRotationFailure } from './rotationFailure';
import { rotationStepNames, type EncryptionSnapshot, type RotationPlan, type RotationProgress, type RotationStepName } from './RotationPlan';
import { rotationSteps, startProgress, type RotationStep } from './rotationSteps';
import { noJournal, type StepJournal } from '../engine/RunJournal';
import { assertPlanStillHolds, checksPlanBefore } from './planStillHolds';
import { runChange } from '../engine/runChange';

export interface RotationResult {
    readonly before: EncryptionSnapshot;
    readonly after: EncryptionSnapshot;
    readonly registry: RegistrySummary;
    readonly completed: readonly RotationStepName[];
    readonly createdVersion?: string;
    readonly grantCreated?: boolean;
}

/**
 * Runs one step of a plan through the one change runner (journaled before and after); a failure becomes a
 * `StepFailure` that says where the registry stands. Before the first change and before the switch, a registry
 * changed by someone else since the plan stops the run (`PlanStale`) with nothing further changed.
 */
export async function runRotationStep(
    factory: AzureClientFactory,
    plan: RotationPlan,
    progress: RotationProgress,
    step: RotationStep,
    journal: StepJournal = noJournal,
): Promise<void> {
    await runChange<RotationStepName>(
        {
            journal,
            completed: progress.completed,
            state: () => progress,
            checkBefore: async (name) => {
                if (checksPlanBefore(plan, name, progress.completed)) {
                    await assertPlanStillHolds(factory, plan, name, progress);
                }
            },
            failed: (name, error) => describeRotationFailure(factory, plan, progress, name, error),
        },
        { step: step.name, run: (stepJournal) => step.run(factory, plan, progress, stepJournal) },
    );
}

/** Runs the plan's steps in order (the same list the wizard's execute steps wrap). */
export async function runRotation(
    factory: AzureClientFactory,
    plan: RotationPlan,
    onStep?: (step: RotationStepName) => void,
    journal?: { journal: StepJournal; runId: string },
): Promise<RotationResult> {
    const progress = startProgress(plan, journal?.runId);
    for (const step of rotationSteps.filter((candidate) => plan.steps.has(candidate.name))) {
        onStep?.(step.name);
        await runRotationStep(factory, plan, progress, step, journal?.journal);
    }
    return finishRotation(factory, plan, progress);
}

/** The plan from one step on: what a retry runs after a follow-up step failed once the registry was switched. */
export function remainingPlan(plan: RotationPlan, from: RotationStepName): RotationPlan {
    const start = rotationStepNames.indexOf(from);
    return { ...plan, steps: new Set([...plan.steps].filter((step) => rotationStepNames.indexOf(step) >= start)) };
}

export async function finishRotation(factory: AzureClientFactory, plan: RotationPlan, progress: RotationProgress): Promise<RotationResult> {
    const registry = progress.after ?? (await getRegistry(factory, plan.registry.id));
    return {
        before: plan.before,
        after: encryptionSnapshot(registry),
        registry,
        completed: [...progress.completed],
        createdVersion: progress.createdVersion,
        grantCreated: progress.grantCreated,
    };
}
