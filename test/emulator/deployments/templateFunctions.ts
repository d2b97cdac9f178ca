import { invalidTemplate } from './deploymentError';
import { templateGuid, templateUniqueString } from './deterministicIds';
import type { EvaluationScope } from './evaluationScope';
import { extensionResourceId, resourceIdFromArguments, subscriptionResourceIdFromArguments } from './resourceIds';

type TemplateFunction = (args: unknown[], scope: EvaluationScope) => unknown;

// Keyed by lower-case name: ARM function names are case-insensitive (the seed template writes `resourceID`).
// `if` is not here: it evaluates only the branch it picks (see expressionEvaluator).
export const templateFunctions: Record<string, TemplateFunction> = {
    parameters: (args, scope) => scope.parameter(stringArgs('parameters', args, 1, 1)[0]!),
    variables: (args, scope) => scope.variable(stringArgs('variables', args, 1, 1)[0]!),
    reference: (args, scope) => {
        const [target, apiVersion, mode] = stringArgs('reference', args, 1, 3);
        if (mode !== undefined && mode.toLowerCase() !== 'full') throw invalidTemplate(`reference(): the third argument must be 'Full', not '${mode}'.`);
        return scope.reference(target!, apiVersion || undefined, mode !== undefined);
    },
    resourceid: (args, { context }) => resourceIdFromArguments(context, stringArgs('resourceId', args, 2, Infinity)),
    subscriptionresourceid: (args, { context }) =>
        subscriptionResourceIdFromArguments(context.subscriptionId, stringArgs('subscriptionResourceId', args, 2, Infinity)),
    extensionresourceid: (args, { context }) => {
        const [scopeId, type, ...names] = stringArgs('extensionResourceId', args, 3, Infinity);
        return extensionResourceId(context, scopeId!, type!, names);
    },
    subscription: (args, { context }) => {
        arity('subscription', args, 0, 0);
        const { subscriptionId, tenantId } = context;
        return { id: `/subscriptions/${subscriptionId}`, subscriptionId, tenantId, displayName: subscriptionId };
    },
    resourcegroup: (args, { context }) => {
        arity('resourceGroup', args, 0, 0);
        return {
            id: `/subscriptions/${context.subscriptionId}/resourceGroups/${context.resourceGroup}`,
            name: context.resourceGroup,
            type: 'Microsoft.Resources/resourceGroups',
            location: context.location,
            properties: { provisioningState: 'Succeeded' },
        };
    },
    concat: (args) => {
        arity('concat', args, 1, Infinity);
        if (args.every(Array.isArray)) return (args as unknown[][]).flat(1);
        return args.map((arg) => (typeof arg === 'object' && arg !== null ? JSON.stringify(arg) : String(arg))).join('');
    },
    format: (args) => {
        const [pattern] = stringArgs('format', args.slice(0, 1), 1, 1);
        return formatComposite(pattern!, args.slice(1));
    },
    guid: (args) => templateGuid(stringArgs('guid', args, 1, Infinity)),
    uniquestring: (args) => templateUniqueString(stringArgs('uniqueString', args, 1, Infinity)),
    tolower: (args) => stringArgs('toLower', args, 1, 1)[0]!.toLowerCase(),
    toupper: (args) => stringArgs('toUpper', args, 1, 1)[0]!.toUpperCase(),
    equals: (args) => {
        arity('equals', args, 2, 2);
        return JSON.stringify(args[0]) === JSON.stringify(args[1]);
    },
    not: (args) => !booleanArg('not', args, 0, 1),
    and: (args) => args.every((_, i) => booleanArg('and', args, i, Math.max(2, args.length))),
    or: (args) => args.some((_, i) => booleanArg('or', args, i, Math.max(2, args.length))),
    empty: (args) => {
        arity('empty', args, 1, 1);
        const value = args[0];
        if (value === null || value === undefined) return true;
        if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
        return typeof value === 'object' && Object.keys(value).length === 0;
    },
    string: (args) => {
        arity('string', args, 1, 1);
        return typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
    },
    true: (args) => (arity('true', args, 0, 0), true),
    false: (args) => (arity('false', args, 0, 0), false),
    null: (args) => (arity('null', args, 0, 0), null),
};

export function isTemplateFunction(name: string): boolean {
    return name.toLowerCase() === 'if' || name.toLowerCase() in templateFunctions;
}

function arity(name: string, args: unknown[], min: number, max: number): void {
    if (args.length < min || args.length > max) {
        const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
        throw invalidTemplate(`The template language function '${name}' expects ${expected} argument(s) but got ${args.length}.`);
    }
}

function stringArgs(name: string, args: unknown[], min: number, max: number): string[] {
    arity(name, args, min, max);
    args.forEach((arg, i) => {
        if (typeof arg !== 'string') throw invalidTemplate(`The template language function '${name}' expects argument ${i + 1} to be a string.`);
    });
    return args as string[];
}

function booleanArg(name: string, args: unknown[], index: number, count: number): boolean {
    arity(name, args, count, count);
    if (typeof args[index] !== 'boolean') throw invalidTemplate(`The template language function '${name}' expects boolean arguments.`);
    return args[index] as boolean;
}

/** .NET composite formatting as ARM's format() does it: `{0}`, `{1:fmt}` (format specifier ignored), `{{`, `}}`. */
function formatComposite(pattern: string, values: unknown[]): string {
    return pattern.replace(/\{\{|\}\}|\{(\d+)(?::[^}]*)?\}/g, (token, index?: string) => {
        if (token === '{{') return '{';
        if (token === '}}') return '}';
        const position = Number(index);
        if (position >= values.length) throw invalidTemplate(`format('${pattern}'): no argument for {${position}}.`);
        const value = values[position];
        return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    });
}
