import { permissionsAtGroup, permissionsAtResource } from '../azure/roleAssignments';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { parseResourceId, resourceNameFromId } from '../util/resourceId';
import { collect } from '../util/collect';
import type { GrantRecord } from './GrantRecord';
import type { VaultInfo } from './VaultInfo';

/** One entry of Resource Manager's permissions list (one per role assignment that reaches the scope). */
export interface PermissionEntry {
    readonly actions?: readonly string[];
    readonly notActions?: readonly string[];
}

// Azure RBAC's wildcard match ("*", "Microsoft.ContainerRegistry/*", "*/read"), case-insensitive.
function matches(pattern: string, action: string): boolean {
    const source = pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^${source}$`, 'i').test(action);
}

/** Whether an entry allows `action`: an action pattern matches and none of the same entry's NotActions does. */
export function permits(entries: readonly PermissionEntry[], action: string): boolean {
    return entries.some(
        (entry) => (entry.actions ?? []).some((pattern) => matches(pattern, action)) && !(entry.notActions ?? []).some((pattern) => matches(pattern, action)),
    );
}

/**
 * The caller's own rights at a resource (`GET {id}/providers/Microsoft.Authorization/permissions`), checked before a
 * flow asks anything or changes anything: a reader learns at once what is missing instead of after the questions.
 * When the list cannot be read, nothing is decided here (undefined): Azure still refuses what is not allowed.
 */
export async function missingActions(factory: AzureClientFactory, resourceId: string, actions: readonly string[]): Promise<string[] | undefined> {
    return missingIn(actions, permissionsAtResource(factory, parseResourceId(resourceId)));
}

/** As `missingActions`, at a resource group (where a new resource would go). */
export async function missingActionsInGroup(
    factory: AzureClientFactory,
    subscriptionId: string,
    resourceGroup: string,
    actions: readonly string[],
): Promise<string[] | undefined> {
    return missingIn(actions, permissionsAtGroup(factory, subscriptionId, resourceGroup));
}

async function missingIn(actions: readonly string[], list: AsyncIterable<PermissionEntry>): Promise<string[] | undefined> {
    const entries = await collect(list).catch(() => undefined);
    return entries && actions.filter((action) => !permits(entries, action));
}

/** Throws `ChangeNotPermitted` (kind `resourceGroup`) when the caller may not create a registry in the group. */
export async function assertMayCreateRegistryIn(factory: AzureClientFactory, subscriptionId: string, resourceGroup: string): Promise<void> {
    const missing = await missingActionsInGroup(factory, subscriptionId, resourceGroup, ['Microsoft.ContainerRegistry/registries/write']);
    if (missing && missing.length > 0) {
        throw new DomainError('ChangeNotPermitted', {
            kind: 'resourceGroup',
            name: resourceGroup,
            action: missing[0]!,
            scope: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
        });
    }
}

/** Throws `ChangeNotPermitted` (resource, the first missing action) when the caller may not change the registry. */
export async function assertMayChangeRegistry(factory: AzureClientFactory, registryId: string): Promise<void> {
    const missing = await missingActions(factory, registryId, ['Microsoft.ContainerRegistry/registries/write']);
    if (missing && missing.length > 0) {
        throw new DomainError('ChangeNotPermitted', { kind: 'registry', name: resourceNameFromId(registryId), action: missing[0]!, scope: registryId });
    }
}

/** The Resource Manager action that adding or removing a grant of this kind needs at the vault. */
function grantAction(kind: GrantRecord['kind'], change: 'add' | 'remove'): string | undefined {
    if (kind === 'accessPolicy') {
        return 'Microsoft.KeyVault/vaults/accessPolicies/write';
    }
    if (kind === 'roleAssignment') {
        return change === 'add' ? 'Microsoft.Authorization/roleAssignments/write' : 'Microsoft.Authorization/roleAssignments/delete';
    }
    return undefined;
}

/**
 * Throws `ChangeNotPermitted` (the vault, the first missing action) when the caller may not add or remove these grants
 * on the vault; `derive` stands for the grant the vault's permission model calls for.
 */
export async function assertMayChangeVaultAccess(
    factory: AzureClientFactory,
    vault: VaultInfo,
    change: 'add' | 'remove',
    grants: readonly GrantRecord[] | 'derive',
): Promise<void> {
    const kinds =
        grants === 'derive' ? [vault.enableRbacAuthorization ? ('roleAssignment' as const) : ('accessPolicy' as const)] : grants.map((grant) => grant.kind);
    const actions = [...new Set(kinds.map((kind) => grantAction(kind, change)).filter((action): action is string => !!action))];
    if (actions.length === 0) {
        return;
    }
    const missing = await missingActions(factory, vault.id, actions);
    if (missing && missing.length > 0) {
        throw new DomainError('ChangeNotPermitted', { kind: 'vault', name: vault.name, action: missing[0]!, scope: vault.id });
    }
}
