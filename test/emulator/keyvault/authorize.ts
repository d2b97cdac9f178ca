import type { Vault, World } from '../types';
import { forbidden } from '../errors';
import { findRole, actionMatches } from '../arm/roleDefinitions';
import { inScope } from '../store';
import { lower } from '../ids';

/** Who calls the vault: a token's object id, where from, and whether Azure counts it as a trusted service. */
export interface VaultCaller {
    objectId: string;
    appId?: string;
    clientIp?: string;
    trustedService?: boolean;
}

export type KeyPermission =
    | 'get'
    | 'list'
    | 'create'
    | 'update'
    | 'delete'
    | 'recover'
    | 'purge'
    | 'wrapKey'
    | 'unwrapKey'
    | 'encrypt'
    | 'decrypt'
    | 'sign'
    | 'verify'
    | 'rotate'
    | 'getrotationpolicy'
    | 'setrotationpolicy'
    | 'import'
    | 'backup'
    | 'restore';

// Access-policy permission → RBAC data action, as Key Vault maps them.
const DATA_ACTIONS: Record<KeyPermission, string> = {
    get: 'Microsoft.KeyVault/vaults/keys/read',
    list: 'Microsoft.KeyVault/vaults/keys/read',
    create: 'Microsoft.KeyVault/vaults/keys/create/action',
    update: 'Microsoft.KeyVault/vaults/keys/update/action',
    delete: 'Microsoft.KeyVault/vaults/keys/delete',
    recover: 'Microsoft.KeyVault/vaults/keys/recover/action',
    purge: 'Microsoft.KeyVault/vaults/deletedKeys/delete',
    wrapKey: 'Microsoft.KeyVault/vaults/keys/wrap/action',
    unwrapKey: 'Microsoft.KeyVault/vaults/keys/unwrap/action',
    encrypt: 'Microsoft.KeyVault/vaults/keys/encrypt/action',
    decrypt: 'Microsoft.KeyVault/vaults/keys/decrypt/action',
    sign: 'Microsoft.KeyVault/vaults/keys/sign/action',
    verify: 'Microsoft.KeyVault/vaults/keys/verify/action',
    rotate: 'Microsoft.KeyVault/vaults/keys/rotate/action',
    getrotationpolicy: 'Microsoft.KeyVault/vaults/keyrotationpolicies/read',
    setrotationpolicy: 'Microsoft.KeyVault/vaults/keyrotationpolicies/write',
    import: 'Microsoft.KeyVault/vaults/keys/import/action',
    backup: 'Microsoft.KeyVault/vaults/keys/backup/action',
    restore: 'Microsoft.KeyVault/vaults/keys/restore/action',
};

const describeCaller = (caller: VaultCaller, world: World): string =>
    `appid=${caller.appId ?? 'unknown'};oid=${caller.objectId};iss=https://sts.windows.net/${world.tenantId}/`;
const describeVault = (vault: Vault): string => `${vault.name};location=${vault.location}`;

function ipAllowed(ip: string | undefined, rules: { value: string }[]): boolean {
    if (!ip) return false;
    return rules.some(({ value }) => {
        const [base, bits] = value.split('/');
        if (!bits) return base === ip;
        const toInt = (a: string): number => a.split('.').reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;
        const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
        return /^\d+\.\d+\.\d+\.\d+$/.test(ip) && (toInt(ip) & mask) === (toInt(base!) & mask);
    });
}

/** The vault firewall: with `defaultAction: Deny` a caller passes from an allowed address, or as a trusted service with `bypass: AzureServices`. */
export function checkFirewall(world: World, vault: Vault, caller: VaultCaller): void {
    const acls = vault.properties.networkAcls;
    const publicDisabled = lower(vault.properties.publicNetworkAccess ?? 'Enabled') === 'disabled';
    if (!publicDisabled && lower(acls?.defaultAction ?? 'Allow') !== 'deny') return;
    if (caller.trustedService && lower(acls?.bypass ?? 'AzureServices') === 'azureservices') return;
    if (!publicDisabled && ipAllowed(caller.clientIp, acls?.ipRules ?? [])) return;
    throw forbidden(
        'ForbiddenByFirewall',
        `Client address is not authorized and caller is not a trusted service.\r\nClient address: ${caller.clientIp ?? 'unknown'}\r\nCaller: ${describeCaller(caller, world)}\r\nVault: ${describeVault(vault)}`,
    );
}

export function hasRbacDataAction(world: World, vault: Vault, objectId: string, action: string): boolean {
    return Object.values(world.roleAssignments).some(
        (a) =>
            lower(a.principalId) === lower(objectId) &&
            inScope(vault.id, a.scope) &&
            (findRole(a.roleDefinitionId)?.dataActions.some((p) => actionMatches(p, action)) ?? false),
    );
}

export function hasPolicyPermission(vault: Vault, objectId: string, permission: KeyPermission): boolean {
    return vault.properties.accessPolicies.some(
        (p) => lower(p.objectId) === lower(objectId) && (p.permissions.keys ?? []).some((k) => lower(k) === lower(permission) || lower(k) === 'all'),
    );
}

/** THE authorization of a key operation (firewall, then RBAC or access policy). Throws Key Vault's 403. */
export function authorizeKeyOperation(world: World, vault: Vault, caller: VaultCaller, permission: KeyPermission, keyName?: string): void {
    checkFirewall(world, vault, caller);
    if (vault.properties.enableRbacAuthorization) {
        const action = DATA_ACTIONS[permission];
        if (hasRbacDataAction(world, vault, caller.objectId, action)) return;
        const resource = `${vault.id}${keyName ? `/keys/${keyName}` : ''}`;
        throw forbidden(
            'ForbiddenByRbac',
            `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: ${describeCaller(caller, world)}\r\nAction: '${action}'\r\nResource: '${lower(resource)}'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: null \r\nVault: ${describeVault(vault)}\r\n`,
        );
    }
    if (hasPolicyPermission(vault, caller.objectId, permission)) return;
    throw forbidden(
        'AccessDenied',
        `The user, group or application '${describeCaller(caller, world)}' does not have keys ${permission} permission on key vault '${describeVault(vault)}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
    );
}
