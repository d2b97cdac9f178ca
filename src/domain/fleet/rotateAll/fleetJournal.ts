import { noJournal, type StepJournal } from '../../engine/RunJournal';
import type { RotationPlan, RotationProgress, RotationStepName } from '../../rotate/RotationPlan';
import type { FleetRotationPlan } from './FleetRotation';

/** The journal of one registry of a Rotate All: begun before the run's first change, finished once the registry's outcome is known. */
export interface RegistryJournal extends StepJournal {
    finish(): Promise<void>;
}

/**
 * Begins the journal of one registry of a Rotate All (the UI edge writes it to the extension's storage): `plan` is what
 * a Resume of that registry runs and `progress` what it starts from.
 */
export type BeginRegistryJournal = (plan: RotationPlan, progress: RotationProgress) => Promise<RegistryJournal>;

/** For runs that keep no journal (tests, the programmatic API without storage). */
export const noRegistryJournal: BeginRegistryJournal = () => Promise.resolve({ ...noJournal, finish: () => Promise.resolve() });

/**
 * One registry's part of a Rotate All as a single rotation plan — what its journal keeps and what Resume runs: its own
 * steps (its identity's grant, the switch) plus the changes the run makes once for all that it waits for: the new key
 * version (Resume finds the version the run made by the run's tag, and makes none when another registry's Resume made
 * it), the rotation policy and the signed-in user's rights to write it (Enable Automatic Rotation for all).
 */
export function fleetRegistryPlan(fleet: FleetRotationPlan, plan: RotationPlan): RotationPlan {
    const steps = new Set<RotationStepName>([...plan.steps].filter((step) => step !== 'createKeyVersion'));
    const newVersion = fleet.request.target.kind === 'newVersion';
    if (newVersion) {
        steps.add('createKeyVersion');
    }
    const policy = fleet.request.rotationPolicy;
    if (policy) {
        steps.add('setRotationPolicy');
        if (fleet.policy?.userRights) {
            steps.add('grantPolicyRights');
        }
    }
    return {
        ...plan,
        steps,
        // A pinned registry goes to the version the run creates: its key identifier is known once that version exists.
        targetKeyId: newVersion && !plan.versionless ? undefined : plan.targetKeyId,
        ...(policy ? { rotationPolicy: policy, policyRights: fleet.policy?.userRights } : {}),
    };
}
