import type { IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import type { IdentityChoice } from '../../domain/rotate/RotationRequest';
import { listUserIdentities } from '../../domain/azure/userIdentities';
import { identityLabel } from '../../l10n/encryptionText';
import type { RotationWizardContext } from './RotateKeyContext';

/** Keep the current identity, use the system-assigned one, or another user-assigned managed identity. */
export class IdentityPickStep extends AnswerPromptStep<RotationWizardContext> {
    readonly question = 'identity';

    protected clearAnswer(context: RotationWizardContext): void {
        context.answers.identity = undefined;
    }

    async prompt(context: RotationWizardContext): Promise<void> {
        const state = context.registry.encryption;
        const assigned = Object.keys(context.registry.raw.identity?.userAssignedIdentities ?? {}).map((id) => id.toLowerCase());
        const identities = await listUserIdentities(context.factory, context.registry.subscriptionId);
        const picks: IAzureQuickPickItem<IdentityChoice>[] = [
            { label: vscode.l10n.t('Keep the current identity'), description: state.status === 'enabled' ? identityLabel(state.identity) : undefined, data: { kind: 'keep' } },
            { label: vscode.l10n.t('System-assigned identity'), detail: vscode.l10n.t('Needed for a key vault behind a firewall; enabled first if it is off.'), data: { kind: 'system' } },
            ...identities.map((identity): IAzureQuickPickItem<IdentityChoice> => ({
                label: identity.name,
                description: assigned.includes(identity.id.toLowerCase()) ? vscode.l10n.t('user-assigned, assigned to this registry') : vscode.l10n.t('user-assigned, will be assigned first'),
                detail: vscode.l10n.t('Client ID {0} · resource group {1}', identity.clientId, identity.resourceGroup),
                data: { kind: 'user', resourceId: identity.id },
            })),
        ];
        context.answers.identity = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Which identity should the registry use to reach the key?') })).data;
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return !context.answers.identity;
    }
}
