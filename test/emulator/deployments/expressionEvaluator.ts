import { invalidTemplate } from './deploymentError';
import type { EvaluationScope } from './evaluationScope';
import { parseTemplateString, type Expression } from './expressionParser';
import { isTemplateFunction, templateFunctions } from './templateFunctions';

/** Evaluates every `[...]` string in a JSON value, object keys included (the seed template uses a key expression). */
export async function evaluateTemplateValue(value: unknown, scope: EvaluationScope): Promise<unknown> {
    if (typeof value === 'string') {
        const parsed = parseTemplateString(value);
        return parsed.kind === 'literal' ? parsed.value : evaluateExpression(parsed.expression, scope);
    }
    if (Array.isArray(value)) {
        const items: unknown[] = [];
        for (const item of value) items.push(await evaluateTemplateValue(item, scope));
        return items;
    }
    if (typeof value === 'object' && value !== null) {
        const result: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(value)) {
            const evaluatedKey = await evaluateTemplateValue(key, scope);
            if (typeof evaluatedKey !== 'string') throw invalidTemplate(`The property name '${key}' must evaluate to a string.`);
            result[evaluatedKey] = await evaluateTemplateValue(item, scope);
        }
        return result;
    }
    return value;
}

export async function evaluateExpression(expression: Expression, scope: EvaluationScope): Promise<unknown> {
    switch (expression.kind) {
        case 'string':
        case 'number':
            return expression.value;
        case 'property':
            return propertyOf(await evaluateExpression(expression.target, scope), expression.name);
        case 'index':
            return indexOf(await evaluateExpression(expression.target, scope), await evaluateExpression(expression.index, scope));
        case 'call':
            return callFunction(expression.name, expression.args, scope);
    }
}

async function callFunction(name: string, argExpressions: Expression[], scope: EvaluationScope): Promise<unknown> {
    const key = name.toLowerCase();
    if (key === 'if') {
        if (argExpressions.length !== 3) throw invalidTemplate(`The template language function 'if' expects 3 arguments but got ${argExpressions.length}.`);
        const condition = await evaluateExpression(argExpressions[0]!, scope);
        if (typeof condition !== 'boolean') throw invalidTemplate("The template language function 'if' expects a boolean condition.");
        return evaluateExpression(argExpressions[condition ? 1 : 2]!, scope);
    }
    const templateFunction = templateFunctions[key];
    if (!templateFunction) throw unknownFunction(name);
    const args: unknown[] = [];
    for (const argument of argExpressions) args.push(await evaluateExpression(argument, scope));
    return templateFunction(args, scope);
}

/** ARM property access is case-insensitive (`reference(...).clientId` matches `clientId` or `ClientId`). */
function propertyOf(target: unknown, name: string): unknown {
    if (typeof target !== 'object' || target === null || Array.isArray(target)) {
        throw invalidTemplate(`The language expression property '${name}' can't be evaluated: the value is not an object.`);
    }
    const record = target as Record<string, unknown>;
    if (name in record) return record[name];
    const match = Object.keys(record).find((key) => key.toLowerCase() === name.toLowerCase());
    if (match === undefined) {
        throw invalidTemplate(`The language expression property '${name}' doesn't exist, available properties are '${Object.keys(record).join(', ')}'.`);
    }
    return record[match];
}

function indexOf(target: unknown, index: unknown): unknown {
    if (Array.isArray(target) && typeof index === 'number') {
        if (index < 0 || index >= target.length) throw invalidTemplate(`The language expression index '${index}' is out of range.`);
        return target[index];
    }
    if (typeof index === 'string') return propertyOf(target, index);
    throw invalidTemplate(`The language expression index '${String(index)}' can't be applied.`);
}

export function unknownFunction(name: string) {
    return invalidTemplate(`The template function '${name}' is not valid. Please see https://aka.ms/arm-functions for usage details.`);
}

/** Every expression in a JSON value, for up-front validation and dependency discovery. */
export function collectExpressions(value: unknown, found: Expression[] = []): Expression[] {
    if (typeof value === 'string') {
        const parsed = parseTemplateString(value);
        if (parsed.kind === 'expression') found.push(parsed.expression);
    } else if (Array.isArray(value)) {
        value.forEach((item) => collectExpressions(item, found));
    } else if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value)) {
            collectExpressions(key, found);
            collectExpressions(item, found);
        }
    }
    return found;
}

/** Visits every function call inside an expression (depth first). */
export function forEachCall(expression: Expression, visit: (call: Extract<Expression, { kind: 'call' }>) => void): void {
    if (expression.kind === 'call') {
        visit(expression);
        expression.args.forEach((arg) => forEachCall(arg, visit));
    } else if (expression.kind === 'property') {
        forEachCall(expression.target, visit);
    } else if (expression.kind === 'index') {
        forEachCall(expression.target, visit);
        forEachCall(expression.index, visit);
    }
}

export function assertKnownFunctions(expression: Expression): void {
    forEachCall(expression, (call) => {
        if (!isTemplateFunction(call.name)) throw unknownFunction(call.name);
    });
}
