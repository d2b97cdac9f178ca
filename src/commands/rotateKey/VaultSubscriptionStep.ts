import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import { pickSubscription } from '../pickRegistry';
import type { RotationWizardContext } from './RotateKeyContext';

/** The subscription to look for a key vault in (any the user can see); not asked when there is only one. */
export class VaultSubscriptionStep extends AzureWizardPromptStep<RotationWizardContext> {
    /** @param question the step-count question it answers (a flow may count it with another). */
    constructor(readonly question = 'key') {
        super();
    }

    async prompt(context: RotationWizardContext): Promise<void> {
        context.vaultSubscription = await pickSubscription(context, context.services);
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return !context.vaultSubscription;
    }
}
