import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import { pickSubscription } from '../pickRegistry';
import type { CreateRegistryContext } from './CreateRegistryContext';

export class SubscriptionPickStep extends AzureWizardPromptStep<CreateRegistryContext> {
    readonly question = 'subscription';

    async prompt(context: CreateRegistryContext): Promise<void> {
        context.subscription = await pickSubscription(context, context.services);
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return !context.subscription;
    }
}
