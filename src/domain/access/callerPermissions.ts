import { permissionsAtGroup, permissionsAtResource } from '../azure/roleAssignments';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError, type DomainErrorParams } from '../errors';
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

async function missingIn(actions: readonly string[], list: AsyncIterable<PermissionEntry>): Promise<string[] | undefined> {
    const entries = await collect(list).catch(() => undefined);
    return entries && actions.filter((action) => !permits(entries, action));
}

/** Throws `ChangeNotPermitted` naming the first missing action, if any. */
function refuseMissing(missing: string[] | undefined, where: Omit<DomainErrorParams['ChangeNotPermitted'], 'action'>): void {
    if (missing && missing.length > 0) {
        throw new DomainError('ChangeNotPermitted', { ...where, action: missing[0]! });
    }
}

const registryWrite = 'Microsoft.ContainerRegistry/registries/write';

/** Throws `ChangeNotPermitted` (kind `resourceGroup`) when the caller may not create a registry in the group. */
export async function assertMayCreateRegistryIn(factory: AzureClientFactory, subscriptionId: string, resourceGroup: string): Promise<void> {
    const missing = await missingIn([registryWrite], permissionsAtGroup(factory, subscriptionId, resourceGroup));
    refuseMissing(missing, { kind: 'resourceGroup', name: resourceGroup, scope: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}` });
}

/** Throws `ChangeNotPermitted` (resource, the first missing action) when the caller may not change the registry. */
export async function assertMayChangeRegistry(factory: AzureClientFactory, registryId: string): Promise<void> {
    refuseMissing(await missingActions(factory, registryId, [registryWrite]), { kind: 'registry', name: resourceNameFromId(registryId), scope: registryId });
}

/** The Resource Manager action that adding or removing a grant of each kind needs at the vault. */
const grantActions: Record<GrantRecord['kind'], Partial<Record<'add' | 'remove', string>>> = {
    accessPolicy: { add: 'Microsoft.KeyVault/vaults/accessPolicies/write', remove: 'Microsoft.KeyVault/vaults/accessPolicies/write' },
    roleAssignment: { add: 'Microsoft.Authorization/roleAssignments/write', remove: 'Microsoft.Authorization/roleAssignments/delete' },
    none: {},
};

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
    const actions = [...new Set(kinds.map((kind) => grantActions[kind][change]).filter((action): action is string => !!action))];
    if (actions.length > 0) {
        refuseMissing(await missingActions(factory, vault.id, actions), { kind: 'vault', name: vault.name, scope: vault.id });
    }
}
