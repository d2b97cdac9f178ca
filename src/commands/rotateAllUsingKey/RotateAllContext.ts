import type { RotationPolicyInput } from '../../domain/keys/rotationPolicy';
import type { AzureClientFactory } from '../../domain/clients/AzureClientFactory';
import type { KeyInUse } from '../../domain/fleet/keysInUse';
import type { FleetRotationPlan, FleetTarget } from '../../domain/fleet/rotateAll/FleetRotation';
import type { PolicyWizardContext } from '../wizard/PolicyWizardContext';

/** The answers Rotate All's prompts collect. */
export interface RotateAllAnswers {
    target?: FleetTarget['kind'];
    /** The other key (target `existing`), versioned or not. */
    keyId?: string;
    versionless?: boolean;
    /** Enable Automatic Rotation for all: the rotation policy (null: only the versionless key identifier). */
    rotationPolicy?: RotationPolicyInput | null;
}

export interface RotateAllContext extends PolicyWizardContext {
    /** Rotate All (a new version or another key), or Enable Automatic Rotation for all (the same key, versionless, a policy). */
    readonly mode: 'rotate' | 'autoRotate';
    readonly factory: AzureClientFactory;
    readonly key: KeyInUse;
    readonly subscriptionIds: readonly string[];
    readonly answers: RotateAllAnswers;
    plan?: FleetRotationPlan;
}
