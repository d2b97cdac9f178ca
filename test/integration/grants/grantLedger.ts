import {
    cryptoOfficerRoleId,
    cryptoServiceEncryptionUserRoleId,
    encryptionKeyPermissions,
    keyManagementKeyPermissions,
} from '../../../src/domain/access/roles';

/** Every key-vault grant in the emulator's state: access-policy key permissions and role assignments. */
export interface Grant {
    readonly principal: string;
    readonly vault: string;
    readonly what: string;
}

interface StateShape {
    vaults: Record<string, { id: string; properties: { accessPolicies: { objectId: string; permissions: { keys?: string[] } }[] } }>;
    roleAssignments: Record<string, { scope: string; roleDefinitionId: string; principalId: string }>;
}

const sorted = (values: readonly string[]) =>
    [...values]
        .map((v) => v.toLowerCase())
        .sort()
        .join(',');
export const encryptionPolicy = `policy:${sorted(encryptionKeyPermissions)}`;
export const encryptionRole = `role:${cryptoServiceEncryptionUserRoleId}`;
export const keyManagementPolicy = `policy:${sorted(keyManagementKeyPermissions)}`;
export const keyManagementRole = `role:${cryptoOfficerRoleId}`;

export function grantsOf(state: unknown): Grant[] {
    const s = state as StateShape;
    const policies = Object.values(s.vaults).flatMap((vault) =>
        vault.properties.accessPolicies
            .filter((policy) => (policy.permissions.keys ?? []).length > 0)
            .map((policy) => ({
                principal: policy.objectId.toLowerCase(),
                vault: vault.id.toLowerCase(),
                what: `policy:${sorted(policy.permissions.keys ?? [])}`,
            })),
    );
    const roles = Object.values(s.roleAssignments).map((assignment) => ({
        principal: assignment.principalId.toLowerCase(),
        vault: assignment.scope.toLowerCase(),
        what: `role:${(assignment.roleDefinitionId.split('/').pop() ?? '').toLowerCase()}`,
    }));
    return [...policies, ...roles];
}

const key = (g: Grant) => `${g.principal}|${g.vault}|${g.what}`;

/** Grants present after and not before (a changed policy counts as new), and grants gone. */
export function grantDiff(before: readonly Grant[], after: readonly Grant[]): { added: Grant[]; removed: Grant[] } {
    const had = new Set(before.map(key));
    const has = new Set(after.map(key));
    return { added: after.filter((g) => !had.has(key(g))), removed: before.filter((g) => !has.has(key(g))) };
}

export interface GrantRules {
    /** Principals a registry reaches its key with after the flow. */
    readonly encryptionPrincipals: readonly string[];
    /** The signed-in user. */
    readonly caller: string;
    /** Vaults the flow created (the only place the user may receive key rights). */
    readonly createdVaults: readonly string[];
}

/**
 * Why each added grant breaks "exactly what is needed" (empty when all are fine): an encryption identity gets only
 * get/wrapKey/unwrapKey or the crypto service encryption role, at vault scope; the user gets only key-management
 * rights, only on vaults the flow created; nobody else gets anything.
 */
export function excessGrants(added: readonly Grant[], rules: GrantRules, vaultIds: readonly string[]): string[] {
    const vaults = new Set(vaultIds.map((id) => id.toLowerCase()));
    const created = new Set(rules.createdVaults.map((id) => id.toLowerCase()));
    const encryption = new Set(rules.encryptionPrincipals.map((id) => id.toLowerCase()));
    return added.flatMap((g) => {
        const where = `${g.what} for ${g.principal} at ${g.vault}`;
        if (!vaults.has(g.vault)) {
            return [`not at vault scope: ${where}`];
        }
        if (encryption.has(g.principal)) {
            return g.what === encryptionPolicy || g.what === encryptionRole ? [] : [`more than get/wrapKey/unwrapKey: ${where}`];
        }
        if (g.principal === rules.caller.toLowerCase()) {
            if (!created.has(g.vault)) {
                return [`user rights on a vault the flow did not create: ${where}`];
            }
            return g.what === keyManagementPolicy || g.what === keyManagementRole ? [] : [`more than key management: ${where}`];
        }
        return [`grant to an unrelated principal: ${where}`];
    });
}
