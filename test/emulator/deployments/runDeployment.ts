import { DeploymentError, deploymentFailed, errorBodyOf, invalidTemplate } from './deploymentError';
import type { EvaluationScope } from './evaluationScope';
import { assertKnownFunctions, collectExpressions, evaluateTemplateValue } from './expressionEvaluator';
import { findTemplateResources, planResources, type PlannedResource } from './resourcePlan';
import { assertAcyclic, runInDependencyOrder } from './dependencyGraph';
import { isDeploymentType, nestedDeploymentProperties } from './nestedDeployment';
import { recordOperation } from './operationLog';
import { getResource, putResource } from './resourceOperations';
import { assertNoCircularReferences, createTemplateScope, validateParameters } from './templateScope';
import type { ArmTemplate, DeploymentContext, DeploymentOutput, DeploymentResult, TemplateParameterValues } from './types';
import { isJsonObject, member } from '../json';

// Template properties that describe the deployment of a resource rather than the resource itself
// (`resourceGroup`/`subscriptionId` say where a nested deployment goes).
const DEPLOYMENT_ONLY_PROPERTIES = new Set([
    'type',
    'apiversion',
    'name',
    'dependson',
    'condition',
    'scope',
    'comments',
    'copy',
    'metadata',
    'resourcegroup',
    'subscriptionid',
]);

const OUTPUT_TYPE_NAMES: Record<string, string> = {
    string: 'String',
    securestring: 'SecureString',
    int: 'Int',
    bool: 'Bool',
    object: 'Object',
    secureobject: 'SecureObject',
    array: 'Array',
};

/**
 * Deploys an ARM template into one resource group (incremental mode): validates it like ARM does
 * (InvalidTemplate before anything is created), then PUTs each resource through `context.dispatch` in
 * dependency order (a nested deployment is PUT as a deployment and waited for), and evaluates the outputs.
 * Each write is recorded in `context.operations`. Failed resources make it throw DeploymentFailed.
 */
export async function runDeployment(context: DeploymentContext, sent: unknown, parameters: TemplateParameterValues): Promise<DeploymentResult> {
    const { scope, planned, template } = await prepareDeployment(context, sent, parameters);
    const deployed: string[] = [];
    const outcomes = await runInDependencyOrder(planned, async (index) => {
        const resource = planned[index]!;
        if (resource.definition.condition !== undefined && (await evaluateTemplateValue(resource.definition.condition, scope)) === false) return;
        const waitOn = isDeploymentType(resource.type) ? 'provisioningState' : 'operation';
        await recordOperation(context, 'Create', { id: resource.id, resourceType: resource.type, resourceName: resource.name }, async () =>
            putResource(context, resource.id, resource.apiVersion, await resourceBody(resource, scope), waitOn),
        );
        deployed.push(resource.id);
    });
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'failed' ? [outcome.error] : []));
    if (failures.length > 0) throw asDeploymentFailure(failures);

    const outputs: Record<string, DeploymentOutput> = {};
    const evaluateOutputs = async (): Promise<number> => {
        for (const [name, definition] of Object.entries(template.outputs ?? {})) {
            const type = String(definition?.type ?? 'string');
            outputs[name] = { type: OUTPUT_TYPE_NAMES[type.toLowerCase()] ?? type, value: await evaluateTemplateValue(definition?.value, scope) };
        }
        return 200;
    };
    if (Object.keys(template.outputs ?? {}).length === 0) await evaluateOutputs();
    else await recordOperation(context, 'EvaluateDeploymentOutput', undefined, evaluateOutputs);
    return { outputs, outputResources: deployed.map((id) => ({ id })) };
}

/**
 * ARM's preflight (`POST .../deployments/{name}/validate`): every check that needs no resource provider —
 * template shape, known functions, parameters, resource names and ids, dependencies. Throws InvalidTemplate.
 */
export async function validateDeployment(
    context: DeploymentContext,
    template: unknown,
    parameters: TemplateParameterValues,
): Promise<{ validatedResources: { id: string }[] }> {
    const { planned } = await prepareDeployment(context, template, parameters);
    assertAcyclic(planned);
    return { validatedResources: planned.map((resource) => ({ id: resource.id })) };
}

async function prepareDeployment(
    context: DeploymentContext,
    sent: unknown,
    parameters: TemplateParameterValues,
): Promise<{ scope: EvaluationScope; planned: PlannedResource[]; template: ArmTemplate }> {
    if (!isJsonObject(sent)) throw invalidTemplate('The template must be a JSON object.');
    const template: ArmTemplate = sent; // its parts are checked where they are read
    for (const expression of collectExpressions(template)) assertKnownFunctions(expression);
    assertNoCircularReferences(template);
    const plan: { resources: PlannedResource[] } = { resources: [] };
    const reference: EvaluationScope['reference'] = async (target, apiVersion, full) => {
        const resource = plan.resources[findTemplateResources(plan.resources, target)[0] ?? -1];
        if (!target.startsWith('/') && !resource) {
            throw invalidTemplate(`reference('${target}'): the template has no resource of that name; pass a resource id.`);
        }
        const version = apiVersion ?? resource?.apiVersion;
        if (!version) throw invalidTemplate(`reference('${target}') needs an api-version: the resource is not deployed by this template.`);
        const body = await getResource(context, resource?.id ?? target, version);
        return full ? body : (member(body, 'properties') ?? {});
    };
    const scope = createTemplateScope(context, template, parameters ?? {}, reference);
    await validateParameters(template, scope);
    plan.resources = await planResources(template, scope);
    return { scope, planned: plan.resources, template };
}

async function resourceBody(resource: PlannedResource, scope: EvaluationScope): Promise<Record<string, unknown>> {
    const body: Record<string, unknown> = {};
    const nested = isDeploymentType(resource.type);
    for (const [key, value] of Object.entries(resource.definition)) {
        if (DEPLOYMENT_ONLY_PROPERTIES.has(key.toLowerCase())) continue;
        body[key] = nested && key === 'properties' ? await nestedDeploymentProperties(resource.name, value, scope) : await evaluateTemplateValue(value, scope);
    }
    return body;
}

/** Template errors found while deploying stay InvalidTemplate; what resource operations said is wrapped, each in turn. */
function asDeploymentFailure(errors: unknown[]): DeploymentError {
    const templateError = errors.find((error) => error instanceof DeploymentError && error.code === 'InvalidTemplate');
    return (templateError as DeploymentError | undefined) ?? deploymentFailed(errors.map(errorBodyOf));
}
