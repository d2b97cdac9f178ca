import type { ArmRequest, ArmResponse } from '../types';
import { notFound } from '../errors';
import { lower } from '../ids';

export interface RoleDefinition {
    id: string;
    roleName: string;
    description: string;
    actions: string[];
    dataActions: string[];
}

// The built-in roles the CMK flows use (ids and permissions as published by Azure).
export const BUILT_IN_ROLES: RoleDefinition[] = [
    {
        id: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
        roleName: 'Key Vault Crypto Service Encryption User',
        description:
            "Read metadata of keys and perform wrap/unwrap operations. Only works for key vaults that use the 'Azure role-based access control' permission model.",
        actions: [
            'Microsoft.EventGrid/eventSubscriptions/write',
            'Microsoft.EventGrid/eventSubscriptions/read',
            'Microsoft.EventGrid/eventSubscriptions/delete',
        ],
        dataActions: ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/wrap/action', 'Microsoft.KeyVault/vaults/keys/unwrap/action'],
    },
    {
        id: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
        roleName: 'Key Vault Crypto Officer',
        description: 'Perform any action on the keys of a key vault, except manage permissions.',
        actions: [
            'Microsoft.Authorization/*/read',
            'Microsoft.Resources/deployments/*',
            'Microsoft.KeyVault/checkNameAvailability/read',
            'Microsoft.KeyVault/deletedVaults/read',
            'Microsoft.KeyVault/locations/*/read',
            'Microsoft.KeyVault/vaults/*/read',
            'Microsoft.KeyVault/operations/read',
        ],
        dataActions: ['Microsoft.KeyVault/vaults/keys/*', 'Microsoft.KeyVault/vaults/keyrotationpolicies/*'],
    },
    {
        id: '00482a5a-887f-4fb3-b363-3b7fe8e74483',
        roleName: 'Key Vault Administrator',
        description: 'Perform all data plane operations on a key vault and all objects in it.',
        actions: [
            'Microsoft.Authorization/*/read',
            'Microsoft.KeyVault/checkNameAvailability/read',
            'Microsoft.KeyVault/deletedVaults/read',
            'Microsoft.KeyVault/locations/*/read',
            'Microsoft.KeyVault/vaults/*/read',
            'Microsoft.KeyVault/operations/read',
        ],
        dataActions: ['Microsoft.KeyVault/vaults/*'],
    },
    {
        id: '12338af0-0e69-4776-bea7-57ae8d297424',
        roleName: 'Key Vault Crypto User',
        description: 'Perform cryptographic operations using keys.',
        actions: [],
        dataActions: [
            'Microsoft.KeyVault/vaults/keys/read',
            'Microsoft.KeyVault/vaults/keys/update/action',
            'Microsoft.KeyVault/vaults/keys/backup/action',
            'Microsoft.KeyVault/vaults/keys/encrypt/action',
            'Microsoft.KeyVault/vaults/keys/decrypt/action',
            'Microsoft.KeyVault/vaults/keys/wrap/action',
            'Microsoft.KeyVault/vaults/keys/unwrap/action',
            'Microsoft.KeyVault/vaults/keys/sign/action',
            'Microsoft.KeyVault/vaults/keys/verify/action',
        ],
    },
    {
        id: '21090545-7ca7-4776-b22c-e363652d74d2',
        roleName: 'Key Vault Reader',
        description: 'Read metadata of key vaults and its certificates, keys, and secrets.',
        actions: ['Microsoft.Authorization/*/read', 'Microsoft.KeyVault/vaults/*/read'],
        dataActions: ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'],
    },
    {
        id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
        roleName: 'Owner',
        description: 'Grants full access to manage all resources.',
        actions: ['*'],
        dataActions: [],
    },
    {
        id: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
        roleName: 'Contributor',
        description: 'Grants full access to manage all resources, but does not allow you to assign roles.',
        actions: ['*'],
        dataActions: [],
    },
    { id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', roleName: 'Reader', description: 'View all resources.', actions: ['*/read'], dataActions: [] },
    // ACR's data roles: registry data rights are Resource Manager actions on the registry (pull/read, push/write, artifacts/delete).
    {
        id: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
        roleName: 'AcrPull',
        description: 'acr pull',
        actions: ['Microsoft.ContainerRegistry/registries/pull/read'],
        dataActions: [],
    },
    {
        id: '8311e382-0749-4cb8-b61a-304f252e45ec',
        roleName: 'AcrPush',
        description: 'acr push',
        actions: ['Microsoft.ContainerRegistry/registries/pull/read', 'Microsoft.ContainerRegistry/registries/push/write'],
        dataActions: [],
    },
    {
        id: 'c2f4ef07-c644-48eb-af81-4b1b4947fb11',
        roleName: 'AcrDelete',
        description: 'acr delete',
        actions: ['Microsoft.ContainerRegistry/registries/artifacts/delete'],
        dataActions: [],
    },
];

export const findRole = (idOrFullId: string): RoleDefinition | undefined => {
    const guidPart = lower(idOrFullId.split('/').pop() ?? '');
    return BUILT_IN_ROLES.find((r) => r.id === guidPart);
};

export const roleDefinitionResourceId = (scope: string, id: string): string => {
    const sub = /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? '';
    return `${sub}/providers/Microsoft.Authorization/roleDefinitions/${id}`;
};

function toResource(scope: string, role: RoleDefinition): unknown {
    return {
        id: roleDefinitionResourceId(scope, role.id),
        name: role.id,
        type: 'Microsoft.Authorization/roleDefinitions',
        properties: {
            roleName: role.roleName,
            type: 'BuiltInRole',
            description: role.description,
            assignableScopes: ['/'],
            permissions: [{ actions: role.actions, notActions: [], dataActions: role.dataActions, notDataActions: [] }],
        },
    };
}

export function getRoleDefinition(req: ArmRequest, scope: string, id: string): ArmResponse {
    const role = findRole(id);
    if (!role) throw notFound('RoleDefinitionDoesNotExist', "The specified role definition with ID '" + id + "' does not exist.");
    return { status: 200, body: toResource(scope, role) };
}

export function listRoleDefinitions(req: ArmRequest, scope: string): ArmResponse {
    const byName = /roleName\s+eq\s+'([^']*)'/i.exec(req.query['$filter'] ?? '')?.[1];
    const roles = BUILT_IN_ROLES.filter((r) => byName === undefined || lower(r.roleName) === lower(byName));
    return { status: 200, body: { value: roles.map((r) => toResource(scope, r)) } };
}

/** `Microsoft.KeyVault/vaults/keys/*` style wildcard match, case-insensitive as in Azure RBAC. */
export function actionMatches(pattern: string, action: string): boolean {
    const re = new RegExp(
        '^' +
            pattern
                .split('*')
                .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
                .join('.*') +
            '$',
        'i',
    );
    return re.test(action);
}
