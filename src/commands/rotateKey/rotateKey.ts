import type { IActionContext, IAzureQuickPickItem, IWizardOptions } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { RotationResult } from '../../domain/rotate/runRotation';
import type { CommandServices } from '../CommandServices';
import { resolveCmkRegistry } from './resolveCmkRegistry';
import type { RotateKeyAnswers, RotationWizardContext } from './RotateKeyContext';
import { rotationIdentityStep, rotationKeyStep, rotationVaultStep, VaultSubscriptionStep } from './rotationPickers';
import { runRotationWizard } from './runRotationWizard';
import { VersionModeStep } from '../wizard/VersionModeStep';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import { KeyIdInputStep } from '../wizard/KeyIdInputStep';

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

type KeySource = NonNullable<RotateKeyAnswers['keySource']>;

/** New version of the current key, another key of the same vault, a key of another vault, or a typed key id. */
export class KeySourceStep extends AnswerPromptStep<RotationWizardContext> {
    readonly question = 'key';

    protected clearAnswer(context: RotationWizardContext): void {
        context.answers.keySource = undefined;
    }

    async prompt(context: RotationWizardContext): Promise<void> {
        const state = context.registry.encryption;
        const keyName = state.status === 'enabled' ? (state.key?.keyName ?? '') : '';
        const vaultName = state.status === 'enabled' ? (state.key?.vaultName ?? '') : '';
        const picks: IAzureQuickPickItem<KeySource>[] = [
            {
                label: vscode.l10n.t('New version of key "{0}"', keyName),
                detail: vscode.l10n.t('Creates a new version in key vault "{0}" now and switches to it.', vaultName),
                data: 'newVersion',
            },
            { label: vscode.l10n.t('Another key in key vault "{0}"', vaultName), data: 'sameVault' },
            { label: vscode.l10n.t('A key in another key vault'), detail: vscode.l10n.t('Any subscription you can see.'), data: 'otherVault' },
            { label: vscode.l10n.t('Enter a key identifier…'), data: 'keyId' },
        ];
        context.answers.keySource = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Which key should the registry use?') })).data;
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return !context.answers.keySource;
    }

    override async getSubWizard(context: RotationWizardContext): Promise<IWizardOptions<RotationWizardContext> | undefined> {
        switch (context.answers.keySource) {
            case 'sameVault': {
                const state = context.registry.encryption;
                context.vaultUrl = state.status === 'enabled' ? state.key?.vaultUrl : undefined;
                return { promptSteps: [rotationKeyStep()] };
            }
            case 'otherVault':
                return { promptSteps: [new VaultSubscriptionStep(), rotationVaultStep(), rotationKeyStep()] };
            case 'keyId':
                return { promptSteps: [new KeyIdInputStep()] };
            default:
                return undefined;
        }
    }
}
