import type { IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import { backToThisPrompt } from '../wizard/backToThisPrompt';
import type { RotationWizardContext } from '../rotateKey/RotateKeyContext';

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
            { label: vscode.l10n.t('Keep the access of "{0}"', name), detail: vscode.l10n.t('Recommended when other registries or applications use this identity.'), data: false },
            { label: vscode.l10n.t('Remove the access of "{0}" to the key vault', name), detail: vscode.l10n.t('Removes its get/wrapKey/unwrapKey access (or its encryption role) after the switch. The identity stays assigned to the registry.'), data: true },
        ];
        for (;;) {
            const remove = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('After switching to the system-assigned identity, what about "{0}"?', name) })).data;
            const confirmed = !remove || await backToThisPrompt(() => context.ui.showWarningMessage(vscode.l10n.t('Remove the key vault access of "{0}"?', name), {
                modal: true, detail: vscode.l10n.t('Anything else that uses "{0}" to reach keys in this vault (another registry, an application) loses access. This cannot be undone automatically; you can grant it again later.', name),
            }, { title: vscode.l10n.t('Remove Access') }));
            if (confirmed) {
                context.answers.removePreviousIdentityAccess = remove;
                return;
            }
        }
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        const state = context.registry.encryption;
        return context.answers.removePreviousIdentityAccess === undefined && state.status === 'enabled' && state.identity?.kind === 'user';
    }
}
