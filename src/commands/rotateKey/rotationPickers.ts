import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { IdentityChoice } from '../../domain/rotate/RotationRequest';
import { identityLabel } from '../../l10n/encryptionText';
import { pickSubscription } from '../pickRegistry';
import { IdentityPickStep, type IdentityPicker } from '../wizard/pickers/IdentityPickStep';
import { KeyPickStep, type KeyPicker } from '../wizard/pickers/KeyPickStep';
import { VaultPickStep, type VaultPicker } from '../wizard/pickers/VaultPickStep';
import type { RotationWizardContext } from './RotateKeyContext';

// How the rotation wizards answer the shared pickers (src/commands/wizard/pickers): the registry's current identity
// and key come first, nothing is created, and the answers go into `context.answers`.

/** Keep the current identity, use the system-assigned one, or another user-assigned managed identity. */
const identityPicker: IdentityPicker<RotationWizardContext, IdentityChoice> = {
    where: (context) => ({ factory: context.factory, subscriptionId: context.registry.subscriptionId }),
    first: (context) => {
        const state = context.registry.encryption;
        return [
            {
                label: vscode.l10n.t('Keep the current identity'),
                description: state.status === 'enabled' ? identityLabel(state.identity) : undefined,
                data: { kind: 'keep' },
            },
            {
                label: vscode.l10n.t('System-assigned identity'),
                detail: vscode.l10n.t('Needed for a key vault behind a firewall; enabled first if it is off.'),
                data: { kind: 'system' },
            },
        ] satisfies IAzureQuickPickItem<IdentityChoice>[];
    },
    choose: (identity) => ({ kind: 'user', resourceId: identity.id }),
    note: (context, identity) => {
        const assigned = Object.keys(context.registry.raw.identity?.userAssignedIdentities ?? {}).some((id) => id.toLowerCase() === identity.id.toLowerCase());
        return assigned ? vscode.l10n.t('user-assigned, assigned to this registry') : vscode.l10n.t('user-assigned, will be assigned first');
    },
    answered: (context) => !!context.answers.identity,
    answer: (context, identity) => {
        context.answers.identity = identity;
    },
};

/** One key vault of the subscription picked before (VaultSubscriptionStep), or asked for here. */
const vaultPicker: VaultPicker<RotationWizardContext> = {
    where: async (context) => {
        const target = context.vaultSubscription ?? (await pickSubscription(context, context.services));
        return { factory: context.factory, subscriptionId: target.subscriptionId, subscriptionName: target.name };
    },
    offerNew: false,
    firewall: 'trustedServices',
    answered: (context) => !!context.vaultUrl,
    accept: async (context, vault, scope) => {
        if (vault === 'new') {
            return false;
        }
        context.vaultUrl = vault.vaultUri.replace(/\/+$/, '');
        context.answers.subscriptionIds = [...new Set([...(context.answers.subscriptionIds ?? []), scope.subscriptionId])];
        return true;
    },
    clear: (context) => {
        context.vaultUrl = undefined;
    },
};

/** One key of the chosen vault (the version mode is asked next); the key the registry uses now comes first. */
const keyPicker: KeyPicker<RotationWizardContext> = {
    where: (context) => ({ factory: context.factory, vaultUrl: context.vaultUrl ?? '' }),
    offerNew: false,
    current: (context) => {
        const state = context.registry.encryption;
        const key = state.status === 'enabled' ? state.key : undefined;
        return key && key.vaultUrl.toLowerCase() === context.vaultUrl?.toLowerCase() ? key.keyName : undefined;
    },
    answered: (context) => !!context.answers.keyId,
    answer: (context, key) => {
        context.answers.keyId = key?.kind === 'existing' ? `${context.vaultUrl ?? ''}/keys/${key.name}` : undefined;
    },
};

export const rotationIdentityStep = () => new IdentityPickStep(identityPicker);

/** @param question the step-count question it answers (a flow may count it with another). */
export const rotationVaultStep = (question = 'key') => new VaultPickStep(vaultPicker, question);

/** @param question the step-count question it answers (a flow may count it with another). */
export const rotationKeyStep = (question = 'key') => new KeyPickStep(keyPicker, question);

/** The subscription to look for a key vault in (any the user can see); not asked when there is only one. */
export class VaultSubscriptionStep extends AzureWizardPromptStep<RotationWizardContext> {
    /** @param question the step-count question it answers (a flow may count it with another). */
    constructor(readonly question = 'key') {
        super();
    }

    async prompt(context: RotationWizardContext): Promise<void> {
        context.vaultSubscription = await pickSubscription(context, context.services);
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return !context.vaultSubscription;
    }
}
