import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { RotationResult } from '../../domain/rotate/runRotation';
import type { CommandServices } from '../CommandServices';
import { KeySourceStep } from './KeySourceStep';
import { resolveCmkRegistry } from './resolveCmkRegistry';
import type { RotationWizardContext } from './RotateKeyContext';
import { rotationIdentityStep } from './rotationPickers';
import { runRotationWizard } from './runRotationWizard';
import { VersionModeStep } from '../wizard/VersionModeStep';

/**
 * Rotate Key: which key (new version / same vault / other vault / typed id), versionless or pinned, which
 * identity; then access is ensured before the switch.
 */
export async function rotateKey(context: IActionContext, services: CommandServices, arg?: unknown): Promise<RotationResult> {
    const node = await resolveCmkRegistry(context, services, arg);
    const subscriptions = (await services.inventory.getSubscriptions()).map((target) => target.subscriptionId);
    return runRotationWizard(context, services, node, {
        command: 'rotateKey',
        title: vscode.l10n.t('Rotate key of "{0}"', node.registry.name),
        promptSteps: [new KeySourceStep(), new VersionModeStep(), rotationIdentityStep()],
        buildRequest: (wizard: RotationWizardContext) => ({
            registryId: wizard.registry.id,
            key: wizard.answers.keySource === 'newVersion' ? { kind: 'newVersion' } : { kind: 'existing', keyId: wizard.answers.keyId ?? '' },
            versionless: wizard.answers.versionless ?? true,
            identity: wizard.answers.identity ?? { kind: 'keep' },
            subscriptionIds: wizard.answers.subscriptionIds ?? subscriptions,
            removePreviousIdentityAccess: wizard.answers.removePreviousIdentityAccess,
        }),
    });
}
