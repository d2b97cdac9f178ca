import { updateAccessPolicy } from '../azure/vaults';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { GrantRecord } from './GrantRecord';
import type { VaultInfo } from './VaultInfo';

/** The key permissions the object id's access policy holds, in lower case. */
export function heldKeyPermissions(vault: VaultInfo, objectId: string): string[] {
    return vault.accessPolicies
        .filter((policy) => policy.objectId.toLowerCase() === objectId.toLowerCase())
        .flatMap((policy) => policy.keys.map((permission) => permission.toLowerCase()));
}

/** The wanted key permissions the object id's access policy lacks (`all` counts as every permission). */
export function missingKeyPermissions(vault: VaultInfo, objectId: string, wanted: readonly string[]): string[] {
    const held = heldKeyPermissions(vault, objectId);
    if (held.includes('all')) {
        return [];
    }
    return wanted.filter((permission) => !held.includes(permission.toLowerCase()));
}

/** Adds only the missing permissions (`accessPolicies/add` merges per object id) and records exactly those. */
export async function addKeyPermissions(factory: AzureClientFactory, vault: VaultInfo, objectId: string, wanted: readonly string[]): Promise<GrantRecord> {
    const permissions = missingKeyPermissions(vault, objectId, wanted);
    if (permissions.length === 0) {
        return { kind: 'none' };
    }
    await updatePolicy(factory, vault, 'add', objectId, permissions);
    return { kind: 'accessPolicy', objectId, permissions };
}

export async function removeKeyPermissions(factory: AzureClientFactory, vault: VaultInfo, objectId: string, permissions: readonly string[]): Promise<void> {
    await updatePolicy(factory, vault, 'remove', objectId, permissions);
}

function updatePolicy(factory: AzureClientFactory, vault: VaultInfo, kind: 'add' | 'remove', objectId: string, permissions: readonly string[]): Promise<void> {
    return updateAccessPolicy(factory, vault, kind, { tenantId: vault.tenantId, objectId, permissions: { keys: [...permissions] } });
}
