import type { IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { PolicyPromptStep, type PolicyWizardContext } from './PolicyWizardContext';

/** Whether to also set a Key Vault rotation policy; its interval and notice are the next steps (counted with this one). */
export class RotationPolicyStep<C extends PolicyWizardContext> extends PolicyPromptStep<C> {
    async prompt(context: C): Promise<void> {
        const picks: IAzureQuickPickItem<boolean>[] = [
            {
                label: vscode.l10n.t('Also set a Key Vault rotation policy'),
                detail: vscode.l10n.t('Key Vault creates a new key version on schedule; the registry follows it within an hour. Fully automatic.'),
                data: true,
            },
            {
                label: vscode.l10n.t('Only switch to the versionless key identifier'),
                detail: vscode.l10n.t('The registry follows new versions you create yourself.'),
                data: false,
            },
        ];
        const withPolicy = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Rotate the key automatically on a schedule?') })).data;
        if (withPolicy) {
            context.policyWanted = true;
        } else {
            context.answers.rotationPolicy = null;
        }
    }

    shouldPrompt(context: C): boolean {
        return context.answers.rotationPolicy === undefined && !context.policyWanted;
    }
}
