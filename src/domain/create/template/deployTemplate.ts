import type { AzureClientFactory } from '../../clients/AzureClientFactory';
import { DomainError } from '../../errors';
import { azureErrorOf } from '../azureError';
import { pollOptions } from '../steps/StepContext';

/** Reads a template (or a parameters file) as the user gave it; refuses what is not an ARM template before any request. */
export function parseTemplateFile(text: string, file: string): Record<string, unknown> {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        throw new DomainError('TemplateNotJson', { file, reason: (error as Error).message });
    }
    const template = parsed as Record<string, unknown>;
    if (!template || typeof template !== 'object' || typeof template.$schema !== 'string' || !Array.isArray(template.resources)) {
        throw new DomainError('TemplateNotArm', { file });
    }
    return template;
}

/** `{ name: { value } }` from a parameters file (`{ parameters: {...} }`) or a plain object of values. */
export function readParameterValues(parametersFile: Record<string, unknown> | undefined): Record<string, { value: unknown }> {
    const source = (parametersFile?.parameters ?? parametersFile ?? {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(source).map(([name, entry]) =>
        [name, entry && typeof entry === 'object' && 'value' in entry ? { value: (entry as { value: unknown }).value } : { value: entry }]));
}

export interface DeployInput {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly deploymentName: string;
    readonly template: Record<string, unknown>;
    readonly parameters: Record<string, { value: unknown }>;
}

/** A resource group deployment (`Microsoft.Resources/deployments`, incremental), waited for; a failure names Azure's error. */
export async function deployTemplate(factory: AzureClientFactory, input: DeployInput): Promise<{ id: string; outputs: Record<string, unknown> }> {
    const client = await factory.deployments(input.subscriptionId);
    try {
        const result = await client.deployments.createOrUpdate(input.resourceGroup, input.deploymentName, {
            properties: { mode: 'Incremental', template: input.template, parameters: input.parameters },
        }, pollOptions(factory));
        if (result.properties?.provisioningState && result.properties.provisioningState !== 'Succeeded') {
            const inner = result.properties.error;
            throw new DomainError('DeploymentFailed', { deployment: input.deploymentName, code: inner?.code ?? result.properties.provisioningState, message: inner?.message ?? '' });
        }
        return { id: result.id ?? '', outputs: (result.properties?.outputs ?? {}) as Record<string, unknown> };
    } catch (error) {
        if (error instanceof DomainError) {
            throw error;
        }
        const cause = azureErrorOf(error);
        throw new DomainError('DeploymentFailed', { deployment: input.deploymentName, code: cause.code, message: cause.message });
    }
}

export function defaultDeploymentName(now = new Date()): string {
    return `acr-cmk-${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;
}
