import { AzureWizardPromptStep, UserCancelledError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { defaultDeploymentName } from '../../domain/create/template/deployTemplate';
import type { DeployTemplateContext } from './DeployTemplateContext';
import { previewTemplateValue } from '../../domain/create/template/previewNames';

/** Everything the deployment will do, then Deploy (modal: it changes Azure). */
export class DeploySummaryStep extends AzureWizardPromptStep<DeployTemplateContext> {
    readonly question = 'summary';

    async prompt(context: DeployTemplateContext): Promise<void> {
        context.deploymentName ??= defaultDeploymentName();
        const deploy: vscode.MessageItem = { title: vscode.l10n.t('Deploy') };
        const choice = await context.ui.showWarningMessage(
            vscode.l10n.t('Deploy template "{0}" to resource group "{1}"?', context.templateDocument?.label ?? '', context.resourceGroup ?? ''),
            { modal: true, detail: summaryLines(context).join('\n') },
            deploy,
        );
        if (choice !== deploy) {
            throw new UserCancelledError('deploySummary');
        }
        context.confirmed = true;
    }

    shouldPrompt(context: DeployTemplateContext): boolean {
        return !context.confirmed;
    }
}

type Json = Record<string, unknown>;

/** The summary's lines: where it deploys, with which values, and which resources the template declares. */
export function summaryLines(context: DeployTemplateContext): string[] {
    const parameters = context.parameters ?? {};
    const declared = (context.template?.parameters ?? {}) as Record<string, { type?: string }>;
    const valueText = (name: string) =>
        (declared[name]?.type ?? '').toLowerCase().startsWith('secure') ? vscode.l10n.t('(hidden)') : JSON.stringify(parameters[name]?.value);
    return [
        vscode.l10n.t('Template: {0}', context.templateDocument?.label ?? ''),
        vscode.l10n.t('Subscription: {0} ({1})', context.subscription?.name ?? '', context.subscription?.subscriptionId ?? ''),
        vscode.l10n.t('Resource group: {0}', context.resourceGroup ?? ''),
        vscode.l10n.t('Deployment name: {0}', context.deploymentName ?? ''),
        '',
        vscode.l10n.t('Parameters:'),
        ...Object.keys(parameters).map((name) => `  ${name} = ${valueText(name)}`),
        '',
        vscode.l10n.t('Resources the template declares (incremental mode: nothing else in the group changes):'),
        ...declaredResources(context.template ?? {}, parameters),
    ];
}

/** `type "name"` per resource, names read as far as they can be before deployment, nested deployments with their target. */
function declaredResources(template: Json, parameters: Readonly<Record<string, { value: unknown }>>, indent = '  '): string[] {
    const show = (value: unknown) => previewTemplateValue(value, parameters) ?? String(value);
    return ((template.resources ?? []) as Json[]).flatMap((resource) => {
        const line = `${indent}• ${String(resource.type)} "${show(resource.name)}"`;
        if (String(resource.type).toLowerCase() !== 'microsoft.resources/deployments') {
            return [line];
        }
        const properties = (resource.properties ?? {}) as Json;
        // An inner-scope nested template sees only the values passed to it; an outer one sees the parent's.
        const inner = (properties.expressionEvaluationOptions as { scope?: string } | undefined)?.scope?.toLowerCase() === 'inner';
        const passed = Object.fromEntries(
            Object.entries((properties.parameters ?? {}) as Record<string, { value?: unknown }>).map(([name, entry]) => [
                name,
                { value: previewTemplateValue(entry?.value, parameters) },
            ]),
        );
        const group = resource.resourceGroup ? show(resource.resourceGroup) : undefined;
        return [
            group ? `${line} ${vscode.l10n.t('(into resource group "{0}")', group)}` : line,
            ...declaredResources((properties.template ?? {}) as Json, inner ? passed : parameters, `${indent}  `),
        ];
    });
}
