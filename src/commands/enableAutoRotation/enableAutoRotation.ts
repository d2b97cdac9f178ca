import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { enableAutoRotationRequest } from '../../domain/autoRotation/enableAutoRotationRequest';
import type { RotationResult } from '../../domain/rotate/runRotation';
import type { CommandServices } from '../CommandServices';
import { resolveCmkRegistry } from '../rotateKey/resolveCmkRegistry';
import { runRotationWizard } from '../rotateKey/runRotationWizard';
import { NotifyBeforeExpiryStep } from '../wizard/NotifyBeforeExpiryStep';
import { RotationIntervalStep } from '../wizard/RotationIntervalStep';
import { RotationPolicyStep } from '../wizard/RotationPolicyStep';

/** Enable Automatic Rotation: the versionless key id, and with consent a Key Vault rotation policy on the key. */
export async function enableAutoRotation(context: IActionContext, services: CommandServices, arg?: unknown): Promise<RotationResult> {
    const node = await resolveCmkRegistry(context, services, arg);
    return runRotationWizard(context, services, node, {
        command: 'enableAutoRotation',
        title: vscode.l10n.t('Enable automatic rotation for "{0}"', node.registry.name),
        promptSteps: [new RotationPolicyStep(), new RotationIntervalStep(), new NotifyBeforeExpiryStep()],
        buildRequest: (wizard) => {
            const { consent: _consent, ...request } = enableAutoRotationRequest(wizard.registry, {
                rotationPolicy: wizard.answers.rotationPolicy ?? undefined,
            });
            return request;
        },
    });
}
