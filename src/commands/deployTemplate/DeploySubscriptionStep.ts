import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import { pickSubscription } from '../pickRegistry';
import type { DeployTemplateContext } from './DeployTemplateContext';

export class DeploySubscriptionStep extends AzureWizardPromptStep<DeployTemplateContext> {
    readonly question = 'subscription';

    async prompt(context: DeployTemplateContext): Promise<void> {
        context.target = await pickSubscription(context, context.services);
    }

    shouldPrompt(context: DeployTemplateContext): boolean {
        return !context.target;
    }
}
