import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { RotationPolicyInput } from '../../domain/keys/rotationPolicy';

/** What the rotation-policy questions need of a wizard (Enable Automatic Rotation, for one registry or all on a key). */
export interface PolicyWizardContext extends IActionContext {
    readonly answers: { rotationPolicy?: RotationPolicyInput | null };
    /** A rotation policy was chosen, and its interval once typed. */
    policyWanted?: boolean;
    policyRotateEveryDays?: number;
}
