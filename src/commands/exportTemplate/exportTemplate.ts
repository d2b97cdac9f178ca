import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { CommandServices } from '../CommandServices';
import { runCreateWizard } from '../createEncryptedRegistry/createEncryptedRegistry';

/** The create wizard's questions, ending in the template + parameters instead of a deployment. */
export async function exportTemplate(context: IActionContext, services: CommandServices, arg?: unknown): Promise<void> {
    await runCreateWizard(context, services, arg, true);
}
