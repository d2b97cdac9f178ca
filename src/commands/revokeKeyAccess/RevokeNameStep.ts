import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import { typeRegistryName } from './revokePrompts';
import type { RevokeContext } from './RevokeContext';

/** The registry's name, typed, as the last confirmation before anything is removed. */
export class RevokeNameStep extends AzureWizardPromptStep<RevokeContext> {
    readonly question = 'confirm';

    async prompt(context: RevokeContext): Promise<void> {
        context.typedName = await typeRegistryName(context, context.plan!);
    }

    shouldPrompt(context: RevokeContext): boolean {
        return !context.typedName;
    }
}
