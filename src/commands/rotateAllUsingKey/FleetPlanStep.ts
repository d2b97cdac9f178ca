import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { DomainError } from '../../domain/errors';
import { formatKeyIdentifier } from '../../domain/keys/keyIdentifier';
import { planFleetRotation } from '../../domain/fleet/rotateAll/planFleetRotation';
import type { FleetRotationPlan } from '../../domain/fleet/rotateAll/FleetRotation';
import { policyLine } from '../../l10n/encryptionText';
import { entryLine, fleetTargetText, grantLine } from './fleetRotationText';
import type { RotateAllContext } from './RotateAllContext';

/**
 * Plans every registry (reads only), then one modal confirmation that names each registry and what happens to it,
 * and each grant the run adds. Nothing is asked again later: the plan carries the only consent Rotate All needs.
 */
export class FleetPlanStep extends AzureWizardPromptStep<RotateAllContext> {
    readonly question = 'confirm';

    async prompt(context: RotateAllContext): Promise<void> {
        const key = { vaultUrl: context.key.vaultUrl, vaultName: context.key.vaultName, keyName: context.key.keyName };
        const autoRotate = context.mode === 'autoRotate';
        const rotationPolicy = autoRotate ? (context.answers.rotationPolicy ?? undefined) : undefined;
        const plan = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking {0} registries…', context.key.users.length) },
            () =>
                planFleetRotation(context.factory, {
                    key,
                    registries: context.key.users.map((user) => ({ id: user.registry.id, name: user.registry.name })),
                    target: autoRotate
                        ? { kind: 'existing', keyId: formatKeyIdentifier(key, { versionless: true }) }
                        : context.answers.target === 'existing'
                          ? { kind: 'existing', keyId: context.answers.keyId ?? '' }
                          : { kind: 'newVersion' },
                    versionless: autoRotate || (context.answers.versionless ?? true),
                    subscriptionIds: context.subscriptionIds,
                    rotationPolicy,
                }),
        );
        if (
            !rotationPolicy &&
            !plan.entries.some((entry) => entry.kind === 'change' || (entry.kind === 'picksUp' && plan.request.target.kind === 'newVersion'))
        ) {
            throw new DomainError('FleetRotationNothingToDo', {
                key: context.key.keyName,
                refused: String(plan.entries.filter((entry) => entry.kind === 'refused').length),
            });
        }
        await context.ui.showWarningMessage(
            autoRotate
                ? vscode.l10n.t('Enable automatic rotation for the {0} registries using key "{1}"?', plan.entries.length, context.key.keyName)
                : vscode.l10n.t('Rotate the {0} registries using key "{1}" to {2}?', plan.entries.length, context.key.keyName, fleetTargetText(plan)),
            { modal: true, detail: planDetail(plan) },
            { title: autoRotate ? vscode.l10n.t('Enable for All') : vscode.l10n.t('Rotate All') },
        );
        context.plan = plan;
    }

    shouldPrompt(context: RotateAllContext): boolean {
        return !context.plan;
    }
}

function planDetail(plan: FleetRotationPlan): string {
    const lines = plan.entries.map((entry) => entryLine(entry, plan));
    if (plan.request.target.kind === 'newVersion') {
        lines.unshift(vscode.l10n.t('First a new version of {0} is created.', formatKeyIdentifier(plan.request.key, { versionless: true })));
    }
    if (plan.request.rotationPolicy) {
        const rights = plan.policy?.userRights
            ? [
                  vscode.l10n.t(
                      'To write it, your access policy on key vault "{0}" first gets the key permissions {1}.',
                      plan.policy.vault.name,
                      plan.policy.userRights.missing.join(', '),
                  ),
              ]
            : [];
        lines.unshift(policyLine(plan.request.rotationPolicy, plan.request.key.keyName), ...rights, '');
    }
    if (plan.grants.length > 0) {
        lines.push('', vscode.l10n.t('Access granted first (once per identity and key vault):'), ...plan.grants.map(grantLine));
    }
    lines.push('', vscode.l10n.t('A registry whose change fails stays on its previous key; the others go on.'));
    return lines.join('\n');
}
