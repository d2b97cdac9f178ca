import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { RotationResult } from '../../domain/rotate/runRotation';
import { useSystemIdentityRequest } from '../../domain/systemIdentity/useSystemIdentityRequest';
import type { CommandServices } from '../CommandServices';
import { resolveCmkRegistry } from '../rotateKey/resolveCmkRegistry';
import { runRotationWizard } from '../rotateKey/runRotationWizard';
import { RemovePreviousGrantStep } from './RemovePreviousGrantStep';
import { systemIdentityConsent } from '../../domain/rotate/RotationRequest';

/** Use System-Assigned Identity: enable it if needed, grant it on the key's vault, switch encryption to `system`. */
export async function useSystemIdentity(context: IActionContext, services: CommandServices, arg?: unknown): Promise<RotationResult> {
    const node = await resolveCmkRegistry(context, services, arg);
    // Enabling and granting is what this command is for; the final confirmation lists both.
    return runRotationWizard(context, services, node, {
        consent: systemIdentityConsent,
        command: 'useSystemIdentity',
        title: vscode.l10n.t('Use the system-assigned identity for "{0}"', node.registry.name),
        promptSteps: [new RemovePreviousGrantStep()],
        buildRequest: (wizard) => {
            const { consent: _consent, ...request } = useSystemIdentityRequest(wizard.registry, {
                removePreviousIdentityAccess: wizard.answers.removePreviousIdentityAccess ?? false,
            });
            return request;
        },
    });
}
