import { invalidTemplate } from './deploymentError';
import type { EvaluationScope } from './evaluationScope';
import { collectExpressions, evaluateExpression, evaluateTemplateValue, forEachCall } from './expressionEvaluator';
import { deploymentTarget, parentEvaluatedPart } from './nestedDeployment';
import { extensionResourceId, groupResourceId } from './resourceIds';
import type { ArmTemplate, TemplateResourceDefinition } from './types';

export interface PlannedResource {
    symbol: string; // `type/name`, for messages
    type: string;
    apiVersion: string;
    name: string;
    id: string;
    definition: TemplateResourceDefinition;
    dependsOn: number[];
}

/**
 * Resolves each resource's type, name, id and dependencies (explicit `dependsOn` plus the implicit ones ARM
 * adds for `reference()` to a resource of the same template). Nested `resources` arrays are flattened. A nested
 * deployment's id is in its target group (its `subscriptionId`/`resourceGroup`).
 */
export async function planResources(template: ArmTemplate, scope: EvaluationScope): Promise<PlannedResource[]> {
    if (!Array.isArray(template.resources)) throw invalidTemplate("The template must have a 'resources' array.");
    const staticScope: EvaluationScope = {
        ...scope,
        reference: () => {
            throw invalidTemplate('reference() cannot be used in resource type, name, scope, apiVersion or dependsOn.');
        },
    };
    const definitions = flattenNestedResources(template.resources);
    const planned: PlannedResource[] = [];
    for (const { definition } of definitions) {
        const type = await staticString(definition.type, 'type', staticScope);
        const name = await staticString(definition.name, 'name', staticScope);
        const apiVersion = await staticString(definition.apiVersion, 'apiVersion', staticScope);
        if (definition.copy !== undefined) throw invalidTemplate(`The resource '${type}/${name}' uses 'copy', which this emulator does not support.`);
        const scopeValue = definition.scope === undefined ? undefined : await staticString(definition.scope, 'scope', staticScope);
        const target = await deploymentTarget(definition, type, name, scope.context, (value, field) => staticString(value, field, staticScope));
        const id = scopeValue ? extensionResourceId(scope.context, scopeValue, type, [name]) : groupResourceId(target, type, [name]);
        planned.push({ symbol: `${type}/${name}`, type, apiVersion, name, id, definition, dependsOn: [] });
    }
    for (const [index, resource] of planned.entries()) {
        const explicit: number[] = [];
        for (const entry of (resource.definition.dependsOn ?? []) as unknown[]) {
            const target = await evaluateTemplateValue(entry, staticScope);
            const matches = typeof target === 'string' ? findTemplateResources(planned, target) : [];
            if (matches.length === 0) {
                throw invalidTemplate(`The resource '${String(target)}' is not defined in the template (dependsOn of '${resource.symbol}').`);
            }
            explicit.push(...matches);
        }
        const parentIndex = definitions[index]!.parentIndex;
        const parent = parentIndex === undefined ? [] : [parentIndex];
        const implicit = await referencedTemplateResources(parentEvaluatedPart(resource.type, resource.definition), planned, staticScope);
        resource.dependsOn = [...new Set([...parent, ...explicit, ...implicit])].filter((dependency) => dependency !== index);
    }
    return planned;
}

/** Template resources that a dependsOn entry or reference() target names: a full id, a name, or `type/name`. */
export function findTemplateResources(planned: PlannedResource[], target: string): number[] {
    const wanted = target.toLowerCase();
    const matches: number[] = [];
    planned.forEach((resource, index) => {
        const candidates = target.startsWith('/') ? [resource.id] : [resource.name, resource.symbol];
        if (candidates.some((candidate) => candidate.toLowerCase() === wanted)) matches.push(index);
    });
    return matches;
}

async function referencedTemplateResources(
    definition: TemplateResourceDefinition,
    planned: PlannedResource[],
    staticScope: EvaluationScope,
): Promise<number[]> {
    const found: number[] = [];
    for (const expression of collectExpressions(definition)) {
        const targets: Promise<unknown>[] = [];
        forEachCall(expression, (call) => {
            if (call.name.toLowerCase() === 'reference' && call.args[0]) targets.push(evaluateExpression(call.args[0], staticScope).catch(() => undefined));
        });
        for (const target of await Promise.all(targets)) {
            if (typeof target === 'string') found.push(...findTemplateResources(planned, target));
        }
    }
    return found;
}

async function staticString(value: unknown, field: string, scope: EvaluationScope): Promise<string> {
    const evaluated = await evaluateTemplateValue(value, scope);
    if (typeof evaluated !== 'string' || evaluated === '') {
        throw invalidTemplate(`Each resource needs a non-empty string '${field}' (got ${JSON.stringify(evaluated)}).`);
    }
    return evaluated;
}

interface FlatDefinition {
    definition: TemplateResourceDefinition;
    parentIndex?: number;
}

/** A nested child resource has a relative type and name; ARM prefixes the parent's and makes it depend on it. */
function flattenNestedResources(
    resources: unknown[],
    parent?: { index: number; definition: TemplateResourceDefinition },
    into: FlatDefinition[] = [],
): FlatDefinition[] {
    for (const item of resources) {
        if (typeof item !== 'object' || item === null) throw invalidTemplate('Each entry of resources must be an object.');
        const { resources: children, ...own } = item as TemplateResourceDefinition;
        const definition = parent ? { ...own, type: joinNested(parent.definition.type, own.type), name: joinNested(parent.definition.name, own.name) } : own;
        into.push({ definition, parentIndex: parent?.index });
        const index = into.length - 1;
        if (Array.isArray(children)) flattenNestedResources(children, { index, definition }, into);
    }
    return into;
}

/** `[parameters('v')]` + `add` → `[concat(parameters('v'), '/', 'add')]`, keeping literals literal. */
function joinNested(parentValue: unknown, childValue: unknown): string {
    const asExpression = (value: unknown) => {
        const text = String(value);
        return text.startsWith('[') && !text.startsWith('[[') ? text.slice(1, -1) : `'${text.replace(/^\[\[/, '[').replace(/'/g, "''")}'`;
    };
    const bothLiteral = [parentValue, childValue].every((value) => !String(value).startsWith('[') || String(value).startsWith('[['));
    return bothLiteral ? `${String(parentValue)}/${String(childValue)}` : `[concat(${asExpression(parentValue)}, '/', ${asExpression(childValue)})]`;
}
