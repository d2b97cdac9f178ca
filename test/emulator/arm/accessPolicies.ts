import type { AccessPolicy, ArmResourceBody } from '../types';
import { lower } from '../ids';
import { writtenBy } from './systemData';
import { route, rx, ok, type Route } from './route';
import { PERMISSION_KINDS as KINDS, requireVault, validateAccessPolicies } from './vaultLifecycle';

const union = (a: string[] = [], b: string[] = []): string[] => [...a, ...b.filter((x) => !a.some((y) => lower(y) === lower(x)))];
const minus = (a: string[] = [], b: string[] = []): string[] => a.filter((x) => !b.some((y) => lower(y) === lower(x)));

/** `PUT …/vaults/{v}/accessPolicies/{add|replace|remove}`: merges per object id as Key Vault does. */
export function applyAccessPolicyOperation(current: AccessPolicy[], op: string, changes: AccessPolicy[]): AccessPolicy[] {
    const result = current.map((p) => ({ ...p, permissions: { ...p.permissions } }));
    for (const change of changes) {
        const existing = result.find((p) => lower(p.objectId) === lower(change.objectId) && lower(p.applicationId ?? '') === lower(change.applicationId ?? ''));
        if (op === 'add') {
            if (!existing) result.push(change);
            else {
                for (const k of KINDS) {
                    if (existing.permissions[k] || change.permissions[k]) existing.permissions[k] = union(existing.permissions[k], change.permissions[k]);
                }
            }
        } else if (op === 'replace') {
            if (!existing) result.push(change);
            else existing.permissions = change.permissions;
        } else if (existing) {
            for (const k of KINDS) if (existing.permissions[k]) existing.permissions[k] = minus(existing.permissions[k], change.permissions[k]);
            if (KINDS.every((k) => (existing.permissions[k] ?? []).length === 0)) result.splice(result.indexOf(existing), 1);
        }
    }
    return result;
}

export const accessPolicyRoute = (pattern: string): Route =>
    route('PUT', rx(pattern), (ctx, req, p) => {
        const vault = requireVault(ctx, p.sub!, p.rg!, p.name!);
        const changes = validateAccessPolicies(ctx, (req.body as ArmResourceBody | undefined)?.properties?.accessPolicies);
        const op = lower(p.op!);
        vault.properties.accessPolicies = applyAccessPolicyOperation(vault.properties.accessPolicies, op, changes);
        vault.systemData = writtenBy(req.principal, ctx.clock.iso(), vault.systemData);
        // Key Vault answers the vault's access policies after the change, under an id ending in `accessPolicies/` with
        // neither the operation's name nor a location (Azure SDK for Python test_cli_mgmt_keyvault, api-version 2019-09-01).
        return ok({
            id: `${vault.id}/accessPolicies/`,
            type: 'Microsoft.KeyVault/vaults/accessPolicies',
            properties: { accessPolicies: vault.properties.accessPolicies },
        });
    });
