import * as vscode from 'vscode';
import type { Leftover } from '../../domain/create/template/leftovers';
import type { DeployTemplateContext } from './DeployTemplateContext';

type Json = Record<string, unknown>;

/** The summary's lines: where it deploys, with which values, and which resources the template declares. */
export function summaryLines(context: DeployTemplateContext): string[] {
    const parameters = context.parameters ?? {};
    const declared = (context.template?.parameters ?? {}) as Record<string, { type?: string }>;
    const valueText = (name: string) => (declared[name]?.type ?? '').toLowerCase().startsWith('secure') ? vscode.l10n.t('(hidden)') : JSON.stringify(parameters[name]?.value);
    return [
        vscode.l10n.t('Template: {0}', context.templateDocument?.label ?? ''),
        vscode.l10n.t('Subscription: {0} ({1})', context.target?.name ?? '', context.target?.subscriptionId ?? ''),
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

/** `type "name"` per resource, with `[parameters('x')]` names replaced by their values and nested deployments' targets. */
function declaredResources(template: Json, parameters: Record<string, { value: unknown }>, indent = '  '): string[] {
    const resolve = (text: unknown) => typeof text === 'string' ? text.replace(/\[parameters\('([^']+)'\)\]/g, (whole, name: string) => name in parameters ? String(parameters[name]!.value) : whole) : String(text);
    return ((template.resources ?? []) as Json[]).flatMap((resource) => {
        const line = `${indent}• ${String(resource.type)} "${resolve(resource.name)}"`;
        if (String(resource.type).toLowerCase() !== 'microsoft.resources/deployments') {
            return [line];
        }
        const group = resource.resourceGroup ? resolve(resource.resourceGroup) : undefined;
        return [group ? `${line} ${vscode.l10n.t('(into resource group "{0}")', group)}` : line,
            ...declaredResources(((resource.properties as Json | undefined)?.template ?? {}) as Json, {}, `${indent}  `)];
    });
}

/** One line per leftover, as the failure report lists them. */
export function leftoverText(leftover: Leftover): string {
    if (leftover.kind === 'accessPolicy') {
        return vscode.l10n.t('access policy of identity "{0}" in key vault "{1}" ({2})', leftover.identityName, leftover.vaultName, leftover.permissions.join(', '));
    }
    if (leftover.type.toLowerCase() === 'microsoft.keyvault/vaults') {
        return vscode.l10n.t('key vault "{0}" (deleting it keeps it soft-deleted; purge protection reserves its name until the retention period ends)', leftover.name);
    }
    return `${leftover.type} "${leftover.name}"`;
}
