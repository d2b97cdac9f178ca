import { invalidTemplate } from './deploymentError';
import type { EvaluationScope } from './evaluationScope';
import { collectExpressions, evaluateTemplateValue, forEachCall } from './expressionEvaluator';
import type { ArmTemplate, DeploymentContext, TemplateParameterDefinition as ParameterDefinition, TemplateParameterValues } from './types';

type Reference = EvaluationScope['reference'];

/**
 * Parameters and variables of one template, evaluated lazily and once each (defaults and variables may use
 * other parameters, variables and functions). Cycles are rejected beforehand by assertNoCircularReferences.
 */
export function createTemplateScope(
    context: DeploymentContext,
    template: ArmTemplate,
    supplied: TemplateParameterValues,
    reference: Reference,
): EvaluationScope {
    const definitions = lowerCaseKeys<ParameterDefinition>(template.parameters ?? {});
    const variableDefinitions = lowerCaseKeys<unknown>(template.variables ?? {});
    for (const name of Object.keys(supplied)) {
        if (!definitions.has(name.toLowerCase())) {
            throw invalidTemplate(
                `The template parameters '${name}' in the parameters file are not valid; they are not present in the original template and can therefore not be provided at deployment time.`,
            );
        }
    }
    const suppliedByName = new Map(Object.entries(supplied).map(([name, entry]) => [name.toLowerCase(), entry]));
    const parameterValues = new Map<string, Promise<unknown>>();
    const variableValues = new Map<string, Promise<unknown>>();

    const scope: EvaluationScope = {
        context,
        reference,
        parameter(name) {
            const key = name.toLowerCase();
            const definition = definitions.get(key);
            if (!definition) throw invalidTemplate(`The template parameter '${name}' is not found.`);
            return memoized(parameterValues, key, async () => {
                const entry = suppliedByName.get(key);
                let value: unknown;
                if (entry !== undefined && entry !== null && typeof entry === 'object' && 'value' in entry) value = entry.value;
                else if ('defaultValue' in definition) value = await evaluateTemplateValue(definition.defaultValue, scope);
                else {
                    throw invalidTemplate(
                        `The value for the template parameter '${name}' is not provided. Please see https://aka.ms/resource-manager-parameter-files for usage details.`,
                    );
                }
                checkParameterValue(name, definition, value);
                return value;
            });
        },
        variable(name) {
            const key = name.toLowerCase();
            if (!variableDefinitions.has(key)) {
                throw invalidTemplate(`The template variable '${name}' is not found. Please see https://aka.ms/arm-syntax-variables for usage details.`);
            }
            return memoized(variableValues, key, () => evaluateTemplateValue(variableDefinitions.get(key), scope));
        },
    };

    return scope;
}

/** All supplied or default parameters are checked up front, as ARM validates before deploying anything. */
export async function validateParameters(template: ArmTemplate, scope: EvaluationScope): Promise<void> {
    for (const name of Object.keys(template.parameters ?? {})) await scope.parameter(name);
}

const TYPE_CHECKS: Record<string, (value: unknown) => boolean> = {
    string: (value) => typeof value === 'string',
    securestring: (value) => typeof value === 'string',
    int: (value) => Number.isInteger(value),
    bool: (value) => typeof value === 'boolean',
    object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    secureobject: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    array: (value) => Array.isArray(value),
};

function checkParameterValue(name: string, definition: ParameterDefinition, value: unknown): void {
    const type = String(definition.type ?? '').toLowerCase();
    const check = TYPE_CHECKS[type];
    if (!check) throw invalidTemplate(`The template parameter '${name}' has an invalid type '${definition.type}'.`);
    if (!check(value)) throw invalidTemplate(`Template parameter '${name}' was provided an invalid value. Expected a value of type '${definition.type}'.`);
    if (definition.allowedValues && !definition.allowedValues.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) {
        throw invalidTemplate(
            `The provided value '${String(value)}' for the template parameter '${name}' is not valid. The parameter value is not part of the allowed value(s): '${definition.allowedValues.join(',')}'.`,
        );
    }
}

// Memoized as promises so that concurrent resource deployments share one evaluation.
function memoized(cache: Map<string, Promise<unknown>>, key: string, compute: () => Promise<unknown>): Promise<unknown> {
    let value = cache.get(key);
    if (!value) {
        value = compute();
        cache.set(key, value);
    }
    return value;
}

function lowerCaseKeys<T>(record: Record<string, T>): Map<string, T> {
    return new Map(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
}

/** A variable (or parameter default) that needs itself, directly or not, is a template error. */
export function assertNoCircularReferences(template: ArmTemplate): void {
    const edges = new Map<string, string[]>();
    const addNode = (node: string, value: unknown) => {
        const targets: string[] = [];
        for (const expression of collectExpressions(value)) {
            forEachCall(expression, (call) => {
                const kind = call.name.toLowerCase();
                const [argument] = call.args;
                if ((kind === 'variables' || kind === 'parameters') && argument?.kind === 'string') targets.push(`${kind}:${argument.value.toLowerCase()}`);
            });
        }
        edges.set(node, targets);
    };
    for (const [name, definition] of Object.entries(template.parameters ?? {})) addNode(`parameters:${name.toLowerCase()}`, definition?.defaultValue);
    for (const [name, value] of Object.entries(template.variables ?? {})) addNode(`variables:${name.toLowerCase()}`, value);
    const done = new Set<string>();
    const visit = (node: string, path: string[]): void => {
        if (path.includes(node)) throw invalidTemplate(`Circular reference in the template: ${[...path, node].join(' -> ')}.`);
        if (done.has(node)) return;
        for (const target of edges.get(node) ?? []) visit(target, [...path, node]);
        done.add(node);
    };
    for (const node of edges.keys()) visit(node, []);
}
