import { invalidTemplate } from './deploymentError';

// Resource ids as ARM builds them: one name segment per type segment after the namespace, so
// `Microsoft.KeyVault/vaults/accessPolicies` + `v/add` → `.../providers/Microsoft.KeyVault/vaults/v/accessPolicies/add`.
export interface ResourceScope {
    subscriptionId: string;
    resourceGroup: string;
}

export function groupResourceId(scope: ResourceScope, type: string, names: string[]): string {
    return `/subscriptions/${scope.subscriptionId}/resourceGroups/${scope.resourceGroup}${providerPath(type, names)}`;
}

export function subscriptionLevelResourceId(subscriptionId: string, type: string, names: string[]): string {
    return `/subscriptions/${subscriptionId}${providerPath(type, names)}`;
}

/** `/providers/{namespace}/{type1}/{name1}/{type2}/{name2}...` */
export function providerPath(type: string, names: string[]): string {
    const typeSegments = type.split('/');
    const [namespace, ...resourceTypes] = typeSegments;
    if (!namespace || resourceTypes.length === 0) throw invalidTemplate(`The resource type '${type}' is not valid: expected '<namespace>/<type>'.`);
    const nameSegments = names.flatMap((name) => name.split('/'));
    if (nameSegments.length !== resourceTypes.length) {
        throw invalidTemplate(
            `The resource type '${type}' needs ${resourceTypes.length} name segment(s) but got ${nameSegments.length} ('${nameSegments.join('/')}'). ` +
                'A nested resource type must have identical number of segments as its resource name.',
        );
    }
    return `/providers/${namespace}` + resourceTypes.map((segment, i) => `/${segment}/${nameSegments[i]}`).join('');
}

/** Arguments of `resourceId([subscriptionId], [resourceGroupName], type, name1, ...)`: the type is the first argument with a '/'. */
export function resourceIdFromArguments(defaults: ResourceScope, args: string[]): string {
    const typeIndex = args.findIndex((arg) => arg.includes('/'));
    if (typeIndex < 0 || typeIndex > 2) throw invalidTemplate(`resourceId(${args.map((a) => `'${a}'`).join(', ')}) has no resource type argument.`);
    const scope = {
        subscriptionId: typeIndex === 2 ? args[0]! : defaults.subscriptionId,
        resourceGroup: typeIndex === 0 ? defaults.resourceGroup : args[typeIndex - 1]!,
    };
    return groupResourceId(scope, args[typeIndex]!, args.slice(typeIndex + 1));
}

/** `subscriptionResourceId([subscriptionId], type, name1, ...)` */
export function subscriptionResourceIdFromArguments(defaultSubscriptionId: string, args: string[]): string {
    const typeIndex = args.findIndex((arg) => arg.includes('/'));
    if (typeIndex < 0 || typeIndex > 1) throw invalidTemplate('subscriptionResourceId() has no resource type argument.');
    return subscriptionLevelResourceId(typeIndex === 1 ? args[0]! : defaultSubscriptionId, args[typeIndex]!, args.slice(typeIndex + 1));
}

/**
 * The id of an extension resource (e.g. a role assignment) whose `scope` is another resource. The scope may be
 * a full id or, as newer templates write it, a group-relative `Microsoft.KeyVault/vaults/<name>`.
 */
export function extensionResourceId(scope: ResourceScope, scopeValue: string, type: string, names: string[]): string {
    const scopeId = scopeValue.startsWith('/') ? scopeValue.replace(/\/$/, '') : relativeScopeId(scope, scopeValue);
    return `${scopeId}${providerPath(type, names)}`;
}

function relativeScopeId(scope: ResourceScope, relative: string): string {
    const segments = relative.split('/');
    const types = [segments[0]!, ...segments.slice(1).filter((_, i) => i % 2 === 0)].join('/');
    const names = segments.slice(1).filter((_, i) => i % 2 === 1);
    return groupResourceId(scope, types, names);
}
