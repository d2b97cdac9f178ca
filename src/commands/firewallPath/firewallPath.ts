import { AzureWizardPromptStep, type IActionContext, type IAzureQuickPickItem, type IWizardOptions } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { checkRegistryVaultFirewall, type FirewallCheck } from '../../domain/firewall/firewallCheck';
import { firewallPathRequest } from '../../domain/firewall/firewallPathRequest';
import type { RotationResult } from '../../domain/rotate/runRotation';
import type { CommandServices } from '../CommandServices';
import { resolveCmkRegistry } from '../rotateKey/resolveCmkRegistry';
import { runRotationWizard } from '../rotateKey/runRotationWizard';
import type { RotationWizardContext } from '../rotateKey/RotateKeyContext';
import { systemIdentityConsent } from '../../domain/rotate/RotationRequest';
import { VersionModeStep } from '../wizard/VersionModeStep';
import { rotationKeyStep, rotationVaultStep, VaultSubscriptionStep } from '../rotateKey/rotationPickers';

/**
 * Key vault behind a firewall: only the registry's system-assigned identity passes it (trusted services). Re-applies
 * the current key with `system`, or rotates to a key in a firewalled vault with `system`.
 */
export async function firewallPath(context: IActionContext, services: CommandServices, arg?: unknown): Promise<RotationResult> {
    const node = await resolveCmkRegistry(context, services, arg);
    const subscriptions = (await services.inventory.getSubscriptions()).map((target) => target.subscriptionId);
    const check = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking the key vault firewall…') }, () =>
        checkRegistryVaultFirewall(node.factory, node.registry, subscriptions),
    );
    return runRotationWizard(context, services, node, {
        consent: systemIdentityConsent,
        command: 'firewallPath',
        title: vscode.l10n.t('Key vault firewall for "{0}"', node.registry.name),
        promptSteps: [new FirewallTargetStep(check)],
        buildRequest: (wizard) => {
            const keyId = (wizard as FirewallWizardContext).firewallTarget === 'reapply' ? undefined : wizard.answers.keyId;
            // The plan step puts the wizard's consents in place of the request's.
            return firewallPathRequest(wizard.registry, {
                keyId,
                versionless: keyId ? wizard.answers.versionless : undefined,
                enableTrustedServices: false,
                subscriptionIds: wizard.answers.subscriptionIds ?? subscriptions,
            });
        },
    });
}

export interface FirewallWizardContext extends RotationWizardContext {
    firewallTarget?: 'reapply' | 'otherVault';
}

/**
 * Re-apply the registry's own key with the system identity (the repair after a firewall was turned on after
 * creation — automatic rotation stays broken until then), or rotate to a key in a firewalled vault.
 */
export class FirewallTargetStep extends AzureWizardPromptStep<FirewallWizardContext> {
    readonly question = 'target';

    constructor(private readonly check: FirewallCheck) {
        super();
    }

    async prompt(context: FirewallWizardContext): Promise<void> {
        const { vault } = this.check;
        const picks: IAzureQuickPickItem<'reapply' | 'otherVault'>[] = [
            {
                label: vscode.l10n.t('Re-apply the current key with the system-assigned identity'),
                detail: this.check.broken
                    ? vscode.l10n.t(
                          'Key vault "{0}" has a firewall the registry\'s current identity cannot pass: key access and automatic rotation stay broken until identity and key are re-applied.',
                          vault.name,
                      )
                    : vscode.l10n.t('Key vault "{0}": makes sure the registry reaches its key as a trusted service.', vault.name),
                data: 'reapply',
            },
            {
                label: vscode.l10n.t('Rotate to a key in a firewalled key vault'),
                detail: vscode.l10n.t('Enable the system-assigned identity, grant it on that vault, allow trusted services, then switch.'),
                data: 'otherVault',
            },
        ];
        context.firewallTarget = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Key vault firewall: what should be done?') })).data;
    }

    shouldPrompt(context: FirewallWizardContext): boolean {
        return !context.firewallTarget;
    }

    override async getSubWizard(context: FirewallWizardContext): Promise<IWizardOptions<FirewallWizardContext> | undefined> {
        // Counted as one question with the choice: the total stays what the first prompt showed.
        return context.firewallTarget === 'otherVault'
            ? { promptSteps: [new VaultSubscriptionStep('target'), rotationVaultStep('target'), rotationKeyStep('target'), new VersionModeStep('target')] }
            : undefined;
    }
}
