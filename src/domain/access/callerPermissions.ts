import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { parseResourceId, resourceNameFromId } from '../registries/resourceId';

/** One entry of Resource Manager's permissions list (one per role assignment that reaches the scope). */
export interface PermissionEntry {
    readonly actions?: readonly string[];
    readonly notActions?: readonly string[];
}

// Azure RBAC's wildcard match ("*", "Microsoft.ContainerRegistry/*", "*/read"), case-insensitive.
function matches(pattern: string, action: string): boolean {
    const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*');
    return new RegExp(`^${source}$`, 'i').test(action);
}

/** Whether an entry allows `action`: an action pattern matches and none of the same entry's NotActions does. */
export function permits(entries: readonly PermissionEntry[], action: string): boolean {
    return entries.some((entry) => (entry.actions ?? []).some((pattern) => matches(pattern, action))
        && !(entry.notActions ?? []).some((pattern) => matches(pattern, action)));
}

/**
 * The caller's own rights at a resource (`GET {id}/providers/Microsoft.Authorization/permissions`), checked before a
 * flow asks anything or changes anything: a reader learns at once what is missing instead of after the questions.
 * When the list cannot be read, nothing is decided here (undefined): Azure still refuses what is not allowed.
 */
export async function missingActions(factory: AzureClientFactory, resourceId: string, actions: readonly string[]): Promise<string[] | undefined> {
    const { subscriptionId, resourceGroup, provider, type, name } = parseResourceId(resourceId);
    const entries: PermissionEntry[] = [];
    try {
        const client = await factory.authorization(subscriptionId);
        for await (const entry of client.permissions.listForResource(resourceGroup, provider, '', type, name)) {
            entries.push(entry);
        }
    } catch {
        return undefined;
    }
    return actions.filter((action) => !permits(entries, action));
}

/** Throws `ChangeNotPermitted` (resource, the first missing action) when the caller may not change the registry. */
export async function assertMayChangeRegistry(factory: AzureClientFactory, registryId: string): Promise<void> {
    const missing = await missingActions(factory, registryId, ['Microsoft.ContainerRegistry/registries/write']);
    if (missing && missing.length > 0) {
        throw new DomainError('ChangeNotPermitted', { kind: 'registry', name: resourceNameFromId(registryId), action: missing[0]!, scope: registryId });
    }
}
