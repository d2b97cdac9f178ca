import type { DeploymentExtended } from '@azure/arm-resourcesdeployments';
import { azureErrorOf } from '../../azure/azureErrors';
import { readDeployment, startDeployment } from '../../azure/deployments';
import type { AzureClientFactory } from '../../clients/AzureClientFactory';
import { DomainError } from '../../errors';

/**
 * Where JSON.parse stopped, as line and column (1-based). Node's wording differs between versions (Node 20 says "at
 * position N", Node 22 adds "(line L column C)"), so only the offset is taken from it and the rest computed here.
 */
function jsonErrorPosition(text: string, message: string): { line: string; column: string } | Record<string, never> {
    const offset = /position (\d+)/.exec(message)?.[1];
    if (offset === undefined) {
        return {};
    }
    const before = text.slice(0, Number(offset)).split(/\r\n|\r|\n/);
    return { line: String(before.length), column: String((before.at(-1)?.length ?? 0) + 1) };
}

/** Reads a template (or a parameters file) as the user gave it; refuses what is not an ARM template before any request. */
export function parseTemplateFile(text: string, file: string): Record<string, unknown> {
    const template = parseJsonFile(text, file) as Record<string, unknown>;
    if (!template || typeof template !== 'object' || typeof template.$schema !== 'string' || !Array.isArray(template.resources)) {
        throw new DomainError('TemplateNotArm', { file });
    }
    return template;
}

/** A JSON file as the user gave it (a byte-order mark allowed); not JSON is refused with where it stopped. */
export function parseJsonFile(text: string, file: string): unknown {
    const body = text.replace(/^\uFEFF/, '');
    try {
        return JSON.parse(body);
    } catch (error) {
        throw new DomainError('TemplateNotJson', { file, ...jsonErrorPosition(body, (error as Error).message) });
    }
}

/** `{ name: { value } }` from a parameters file (`{ parameters: {...} }`) or a plain object of values. */
export function readParameterValues(parametersFile: Record<string, unknown> | undefined): Record<string, { value: unknown }> {
    const source = (parametersFile?.parameters ?? parametersFile ?? {}) as Record<string, unknown>;
    const valueOf = (entry: unknown) => (entry && typeof entry === 'object' && 'value' in entry ? entry.value : entry);
    return Object.fromEntries(Object.entries(source).map(([name, entry]) => [name, { value: valueOf(entry) }]));
}

export interface DeployInput {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly deploymentName: string;
    readonly template: Record<string, unknown>;
    readonly parameters: Record<string, { value: unknown }>;
}

/**
 * A resource group deployment (`Microsoft.Resources/deployments`, incremental), waited for; a failure names Azure's error.
 * Once Azure has accepted the deployment, a failed status read says nothing about the deployment itself: it is then
 * read again until it ends, and its own outcome is reported (never "failed" for a deployment that succeeded).
 */
export async function deployTemplate(factory: AzureClientFactory, input: DeployInput): Promise<{ id: string; outputs: Record<string, unknown> }> {
    const { poller } = await startDeployment(factory, input, { properties: { mode: 'Incremental', template: input.template, parameters: input.parameters } });
    await poller.submitted().catch((error: unknown) => {
        throw deploymentFailed(input, error);
    });
    const result = await poller.pollUntilDone().catch(() => readUntilEnded(factory, input));
    if (result.properties?.provisioningState && result.properties.provisioningState !== 'Succeeded') {
        const cause = failingOperation(result.properties.error);
        throw new DomainError('DeploymentFailed', {
            deployment: input.deploymentName,
            code: cause?.code ?? result.properties.provisioningState,
            message: cause?.message ?? '',
        });
    }
    return { id: result.id ?? '', outputs: (result.properties?.outputs ?? {}) as Record<string, unknown> };
}

interface ArmError {
    readonly code?: string;
    readonly message?: string;
    readonly details?: readonly ArmError[];
}

/**
 * The error that says what went wrong: ARM wraps a failed resource operation's own error ("vault not found") in a
 * generic "At least one resource deployment operation failed", so the innermost details are what users need.
 */
function failingOperation(error: ArmError | undefined): ArmError | undefined {
    const details = (error?.details ?? []).map(failingOperation).filter((inner): inner is ArmError => !!inner?.message);
    if (details.length === 0) {
        return error;
    }
    return { code: details.map((inner) => inner.code).join(', '), message: details.map((inner) => inner.message).join(' ') };
}
const endedStates = new Set(['succeeded', 'failed', 'canceled']);

/** Reads the accepted deployment until it has ended (at the connection's LRO poll interval, else Azure's usual 5 s). */
async function readUntilEnded(factory: AzureClientFactory, input: DeployInput): Promise<DeploymentExtended> {
    for (;;) {
        const deployment = await readDeployment(factory, input).catch((error: unknown) => {
            throw deploymentFailed(input, error);
        });
        if (endedStates.has((deployment.properties?.provisioningState ?? '').toLowerCase())) {
            return deployment;
        }
        await new Promise((resolve) => setTimeout(resolve, factory.lroPollIntervalMs ?? 5000));
    }
}

/** An Azure failure of deployment `input` (or of its validation) as the structured `DeploymentFailed`. */
export function deploymentFailed(input: DeployInput, error: unknown): DomainError {
    if (error instanceof DomainError) {
        return error;
    }
    const cause = azureErrorOf(error);
    return new DomainError('DeploymentFailed', { deployment: input.deploymentName, code: cause.code, message: cause.message });
}

export function defaultDeploymentName(now = new Date()): string {
    return `acr-cmk-${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;
}
