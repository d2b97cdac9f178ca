import { rotationSteps, startProgress } from '../../domain/rotate/rotationSteps';
import { finishRotation, runRotationStep } from '../../domain/rotate/runRotation';
import { journalRotationPlan } from '../../domain/recovery/recoverRotation';
import { rotationStepLabel } from '../../l10n/rotationStepLabel';
import { beginJournal } from '../journal/beginJournal';
import { planExecuteSteps, type PlanPart } from '../wizard/planExecuteSteps';
import type { RotationWizardContext } from './RotateKeyContext';

/**
 * The rotation plan as the wizard runs it: one part per change in the domain's step order (those the plan does not
 * make are skipped), so the progress names each change and the run fails with the same structured error as
 * `runRotation`; last, the registry as the rotation left it (read once more unless the switch returned it).
 */
export function rotationExecuteSteps() {
    const changes = rotationSteps.map((step): PlanPart<RotationWizardContext> => ({
        id: `rotation.${step.name}`,
        applies: (context) => !!context.plan?.steps.has(step.name),
        label: () => rotationStepLabel(step.name),
        run: async (context) => {
            const plan = context.plan!;
            context.journal ??= await beginJournal(context.services, 'rotate', context.command, plan.registry, journalRotationPlan(plan));
            context.progress ??= startProgress(plan, context.journal?.current.id);
            await runRotationStep(context.factory, plan, context.progress, step, context.journal);
        },
    }));
    const summary: PlanPart<RotationWizardContext> = {
        id: 'rotation.summary',
        applies: (context) => !!context.plan,
        run: async (context) => {
            const plan = context.plan!;
            context.result = await finishRotation(context.factory, plan, context.progress ?? startProgress(plan));
            context.registry = context.result.registry;
        },
    };
    return planExecuteSteps([...changes, summary]);
}
