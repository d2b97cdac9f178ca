import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { RotationPolicyInput } from '../../domain/keys/rotationPolicy';
import { AnswerPromptStep } from './AnswerPromptStep';

/** What the rotation-policy questions need of a wizard (Enable Automatic Rotation, for one registry or all on a key). */
export interface PolicyWizardContext extends IActionContext {
    readonly answers: { rotationPolicy?: RotationPolicyInput | null };
    /** A rotation policy was chosen, and its interval once typed. */
    policyWanted?: boolean;
    policyRotateEveryDays?: number;
}

/** A step of the rotation-policy question (counted as one) whose Back clears the policy answered so far. */
export abstract class PolicyPromptStep<C extends PolicyWizardContext> extends AnswerPromptStep<C> {
    readonly question = 'policy';

    protected clearAnswer(context: C): void {
        context.answers.rotationPolicy = undefined;
    }
}
