import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { checkRegistryVaultFirewall } from '../../domain/firewall/firewallCheck';
import { firewallPathRequest } from '../../domain/firewall/firewallPathRequest';
import type { RotationResult } from '../../domain/rotate/runRotation';
import type { CommandServices } from '../CommandServices';
import { resolveCmkRegistry } from '../rotateKey/resolveCmkRegistry';
import { runRotationWizard } from '../rotateKey/runRotationWizard';
import { FirewallTargetStep, type FirewallWizardContext } from './FirewallTargetStep';
import { systemIdentityConsent } from '../../domain/rotate/RotationRequest';

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
            const { consent: _consent, ...request } = firewallPathRequest(wizard.registry, {
                keyId,
                versionless: keyId ? wizard.answers.versionless : undefined,
                enableTrustedServices: false,
                subscriptionIds: wizard.answers.subscriptionIds ?? subscriptions,
            });
            return request;
        },
    });
}
