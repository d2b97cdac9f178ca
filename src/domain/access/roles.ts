/** Built-in role definition ids (the same in every cloud). */
export const cryptoServiceEncryptionUserRoleId = 'e147488a-f6f5-4113-8e2d-b22465e65bf6';
export const cryptoOfficerRoleId = '14b46e9e-c2b7-41b4-b07b-48a6ebf60603';

/** Data actions a registry's identity needs on its key: read metadata, wrap and unwrap. */
export const encryptionDataActions = [
    'Microsoft.KeyVault/vaults/keys/read',
    'Microsoft.KeyVault/vaults/keys/wrap/action',
    'Microsoft.KeyVault/vaults/keys/unwrap/action',
] as const;

/** Data actions the signed-in user needs to create and read the key on a vault the flow created. */
export const keyManagementDataActions = [
    'Microsoft.KeyVault/vaults/keys/read',
    'Microsoft.KeyVault/vaults/keys/create/action',
    'Microsoft.KeyVault/vaults/keys/update/action',
] as const;

/** Access-policy key permissions with the same meaning. */
export const encryptionKeyPermissions = ['get', 'wrapKey', 'unwrapKey'] as const;
export const keyManagementKeyPermissions = ['create', 'get', 'list', 'update'] as const;

export function roleDefinitionGuid(roleDefinitionId: string): string {
    return (roleDefinitionId.split('/').pop() ?? roleDefinitionId).toLowerCase();
}

export function roleDefinitionResourceId(subscriptionId: string, roleId: string): string {
    return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
}
