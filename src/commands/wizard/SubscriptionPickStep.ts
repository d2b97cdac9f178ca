import { AzureWizardPromptStep, type IActionContext } from '@microsoft/vscode-azext-utils';
import type { SubscriptionTarget } from '../../auth/SubscriptionSource';
import type { CommandServices } from '../CommandServices';
import { pickSubscription } from '../pickRegistry';

/** A wizard whose resources are in one subscription, asked first unless given (Create, Deploy ARM Template). */
export interface SubscriptionContext extends IActionContext {
    readonly services: CommandServices;
    subscription?: SubscriptionTarget;
}

export class SubscriptionPickStep<T extends SubscriptionContext> extends AzureWizardPromptStep<T> {
    readonly question = 'subscription';

    async prompt(context: T): Promise<void> {
        context.subscription = await pickSubscription(context, context.services);
    }

    shouldPrompt(context: T): boolean {
        return !context.subscription;
    }
}
