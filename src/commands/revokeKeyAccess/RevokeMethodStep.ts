import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import { pickRevokeMethod } from './revokePrompts';
import type { RevokeContext } from './RevokeContext';

/** How to revoke: remove the identity's access, disable the version in use, or disable every version. */
export class RevokeMethodStep extends AzureWizardPromptStep<RevokeContext> {
    readonly question = 'method';

    async prompt(context: RevokeContext): Promise<void> {
        context.method = await pickRevokeMethod(context, context.node.registry.name);
    }

    shouldPrompt(context: RevokeContext): boolean {
        return !context.method;
    }
}
