import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { RotationResult } from '../../domain/rotate/runRotation';
import { useSystemIdentityRequest } from '../../domain/systemIdentity/useSystemIdentityRequest';
import type { CommandServices } from '../CommandServices';
import { resolveCmkRegistry } from '../rotateKey/resolveCmkRegistry';
import { runRotationWizard } from '../rotateKey/runRotationWizard';
import { systemIdentityConsent } from '../../domain/rotate/RotationRequest';
import { findRegistriesSharingIdentity, type AffectedRegistry } from '../../domain/revoke/sharedAccess';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import { backToThisPrompt } from '../wizard/backToThisPrompt';
import type { RotationWizardContext } from '../rotateKey/RotateKeyContext';

/** Use System-Assigned Identity: enable it if needed, grant it on the key's vault, switch encryption to `system`. */
export async function useSystemIdentity(context: IActionContext, services: CommandServices, arg?: unknown): Promise<RotationResult> {
    const node = await resolveCmkRegistry(context, services, arg);
    // Enabling and granting is what this command is for; the final confirmation lists both.
    return runRotationWizard(context, services, node, {
        consent: systemIdentityConsent,
        command: 'useSystemIdentity',
        title: vscode.l10n.t('Use the system-assigned identity for "{0}"', node.registry.name),
        promptSteps: [new RemovePreviousGrantStep()],
        // The plan step puts the wizard's consents in place of the request's.
        buildRequest: (wizard) =>
            useSystemIdentityRequest(wizard.registry, { removePreviousIdentityAccess: wizard.answers.removePreviousIdentityAccess ?? false }),
    });
}

/**
 * Offers to remove the previous user-assigned identity's access to the vault once the registry uses the system
 * identity. The identity itself stays assigned to the registry: removing an identity a registry encrypts with
 * breaks rotation, so this flow never does it.
 */
export class RemovePreviousGrantStep extends AnswerPromptStep<RotationWizardContext> {
    readonly question = 'previousGrant';

    protected clearAnswer(context: RotationWizardContext): void {
        context.answers.removePreviousIdentityAccess = undefined;
    }

    async prompt(context: RotationWizardContext): Promise<void> {
        const state = context.registry.encryption;
        const name = state.status === 'enabled' && state.identity?.kind === 'user' ? state.identity.name : '';
        const picks: IAzureQuickPickItem<boolean>[] = [
            {
                label: vscode.l10n.t('Keep the access of "{0}"', name),
                detail: vscode.l10n.t('Recommended when other registries or applications use this identity.'),
                data: false,
            },
            {
                label: vscode.l10n.t('Remove the access of "{0}" to the key vault', name),
                detail: vscode.l10n.t(
                    'Removes its get/wrapKey/unwrapKey access (or its encryption role) after the switch. The identity stays assigned to the registry.',
                ),
                data: true,
            },
        ];
        const vaultName = state.status === 'enabled' ? (state.key?.vaultName ?? '') : '';
        for (;;) {
            const remove = (
                await context.ui.showQuickPick(picks, {
                    placeHolder: vscode.l10n.t('After switching to the system-assigned identity, what about "{0}"?', name),
                })
            ).data;
            // The blast radius, named: every other registry that reaches this vault through the same identity.
            const sharing = remove ? await this.sharing(context) : [];
            const detail =
                sharing.length > 0
                    ? vscode.l10n.t(
                          'These registries also reach key vault "{1}" through "{0}" and lose their key with it: {2}. Applications that use "{0}" there lose access too. You can grant it again later.',
                          name,
                          vaultName,
                          sharing.map((other) => other.name).join(', '),
                      )
                    : vscode.l10n.t(
                          'No other registry in the subscriptions shown reaches key vault "{1}" through "{0}"; an application that uses it there loses access. You can grant it again later.',
                          name,
                          vaultName,
                      );
            const confirmed =
                !remove ||
                (await backToThisPrompt(() =>
                    context.ui.showWarningMessage(
                        vscode.l10n.t('Remove the key vault access of "{0}"?', name),
                        { modal: true, detail },
                        { title: vscode.l10n.t('Remove Access') },
                    ),
                ));
            if (confirmed) {
                context.answers.removePreviousIdentityAccess = remove;
                return;
            }
        }
    }

    private async sharing(context: RotationWizardContext): Promise<readonly AffectedRegistry[]> {
        if (!context.sharingPreviousIdentity) {
            const subscriptionIds = (await context.services.inventory.getSubscriptions()).map((target) => target.subscriptionId);
            context.sharingPreviousIdentity = await findRegistriesSharingIdentity(context.factory, subscriptionIds, context.registry);
        }
        return context.sharingPreviousIdentity;
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        const state = context.registry.encryption;
        return context.answers.removePreviousIdentityAccess === undefined && state.status === 'enabled' && state.identity?.kind === 'user';
    }
}
