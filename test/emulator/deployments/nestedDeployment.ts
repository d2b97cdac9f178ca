import { invalidTemplate } from './deploymentError';
import type { EvaluationScope } from './evaluationScope';
import { evaluateTemplateValue } from './expressionEvaluator';
import type { ResourceScope } from './resourceIds';
import type { TemplateResourceDefinition } from './types';
import { isJsonObject, member } from '../json';

// A template resource of type Microsoft.Resources/deployments (a nested deployment). ARM deploys it as a real
// deployment, at `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Resources/deployments/{name}`
// (top-level `subscriptionId`/`resourceGroup` default to the parent's), and waits for it like any resource.
//
// properties.expressionEvaluationOptions.scope decides where the nested template's expressions are evaluated:
// - 'inner': inside the nested deployment (its own parameters and variables, its own resourceGroup()/subscription());
//   only properties.parameters are evaluated in the parent.
// - 'outer' (ARM's default, also 'NotSpecified'): in the parent, before the nested deployment starts (which is why ARM
//   documents that reference() in its outputs cannot see the nested template's own resources). The nested template's
//   `variables` are then ignored (learn.microsoft.com "linked-templates", exampleVar table: outer → "from parent
//   template"); passing parameters to it is refused: it has none of its own.

export const DEPLOYMENTS_TYPE = 'Microsoft.Resources/deployments';

export const isDeploymentType = (type: string): boolean => type.toLowerCase() === DEPLOYMENTS_TYPE.toLowerCase();

/** The group a resource is deployed to: the nested deployment's target, or the deployment's own group. */
export async function deploymentTarget(
    definition: TemplateResourceDefinition,
    type: string,
    name: string,
    context: ResourceScope,
    staticString: (value: unknown, field: string) => Promise<string>,
): Promise<ResourceScope> {
    if (!isDeploymentType(type)) return context;
    const subscriptionId = definition.subscriptionId === undefined ? undefined : await staticString(definition.subscriptionId, 'subscriptionId');
    const resourceGroup = definition.resourceGroup === undefined ? undefined : await staticString(definition.resourceGroup, 'resourceGroup');
    if (subscriptionId !== undefined && resourceGroup === undefined) {
        throw invalidTemplate(
            `The nested deployment '${name}' has a subscriptionId and no resourceGroup: ARM deploys it at subscription scope, which this emulator does not support.`,
        );
    }
    return { subscriptionId: subscriptionId ?? context.subscriptionId, resourceGroup: resourceGroup ?? context.resourceGroup };
}

function scopeOf(properties: unknown): 'inner' | 'outer' {
    const scope = member(member(properties, 'expressionEvaluationOptions'), 'scope');
    if (scope === undefined || /^(outer|notspecified)$/i.test(String(scope))) return 'outer';
    if (/^inner$/i.test(String(scope))) return 'inner';
    throw invalidTemplate(`The expression evaluation scope '${String(scope)}' is not valid: expected 'inner' or 'outer'.`);
}

/** The part of a resource definition whose expressions the parent evaluates (an inner-scoped nested template is not). */
export function parentEvaluatedPart(type: string, definition: TemplateResourceDefinition): TemplateResourceDefinition {
    if (!isDeploymentType(type) || scopeOf(definition.properties) !== 'inner') return definition;
    const { template: _own, ...properties } = definition.properties as Record<string, unknown>;
    return { ...definition, properties };
}

/** `properties` of the nested deployment's PUT, evaluated as ARM does for the chosen scope. */
export async function nestedDeploymentProperties(name: string, properties: unknown, scope: EvaluationScope): Promise<Record<string, unknown>> {
    if (!isJsonObject(properties) || typeof properties.template !== 'object' || properties.template === null) {
        throw invalidTemplate(`The nested deployment '${name}' needs an inline properties.template (templateLink is not supported by the emulator).`);
    }
    const { template, parameters, ...rest } = properties;
    const evaluated = (await evaluateTemplateValue(rest, scope)) as Record<string, unknown>;
    if (scopeOf(properties) === 'inner') return { ...evaluated, template, parameters: await evaluateTemplateValue(parameters ?? {}, scope) };
    const { parameters: declared, variables: _ignored, ...own } = template as Record<string, unknown>;
    if (Object.keys(parameters ?? {}).length > 0 || Object.keys(declared ?? {}).length > 0) {
        throw invalidTemplate(
            `The nested deployment '${name}' has parameters, which only a nested template with expressionEvaluationOptions.scope 'inner' can have.`,
        );
    }
    return { ...evaluated, template: escapeLiterals(await evaluateTemplateValue(own, scope)) };
}

/** Evaluated values go on as literals: a string that now starts with '[' must not be read as an expression again. */
function escapeLiterals(value: unknown): unknown {
    if (typeof value === 'string') return value.startsWith('[') ? `[${value}` : value;
    if (Array.isArray(value)) return value.map(escapeLiterals);
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [escapeLiterals(key) as string, escapeLiterals(item)]));
    }
    return value;
}
