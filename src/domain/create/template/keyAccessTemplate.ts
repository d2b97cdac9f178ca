import { cryptoServiceEncryptionUserRoleId, encryptionKeyPermissions } from '../../access/roles';
import { templateApi, templateSchema } from './templateApi';

/** Expressions (without brackets) that name the grant's vault, the identity's principal and its resource id. */
export interface GrantExpressions {
    readonly vaultName: string;
    readonly principalId: string;
    readonly identityId: string;
}

/**
 * The encryption identity's key access, as template resources in the vault's own resource group: an access policy with
 * get/wrapKey/unwrapKey, or on an RBAC vault the "Key Vault Crypto Service Encryption User" role at vault scope.
 */
export function keyAccessResources(rbac: boolean, grant: GrantExpressions): Record<string, unknown>[] {
    if (rbac) {
        return [
            {
                type: 'Microsoft.Authorization/roleAssignments',
                apiVersion: templateApi.roleAssignment,
                scope: `[format('Microsoft.KeyVault/vaults/{0}', ${grant.vaultName})]`,
                name: `[${roleAssignmentName(grant)}]`,
                properties: {
                    roleDefinitionId: `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${cryptoServiceEncryptionUserRoleId}')]`,
                    principalId: `[${grant.principalId}]`,
                    principalType: 'ServicePrincipal',
                },
            },
        ];
    }
    return [
        {
            type: 'Microsoft.KeyVault/vaults/accessPolicies',
            apiVersion: templateApi.vault,
            name: `[concat(${grant.vaultName}, '/add')]`,
            properties: {
                accessPolicies: [
                    { tenantId: '[subscription().tenantId]', objectId: `[${grant.principalId}]`, permissions: { keys: [...encryptionKeyPermissions] } },
                ],
            },
        },
    ];
}

/** The id a dependsOn names for the grant (in the template's own group). */
export function keyAccessResourceId(rbac: boolean, grant: GrantExpressions): string {
    return rbac
        ? `[extensionResourceId(${vaultIdOf(grant)}, 'Microsoft.Authorization/roleAssignments', ${roleAssignmentName(grant)})]`
        : `[resourceId('Microsoft.KeyVault/vaults/accessPolicies', ${grant.vaultName}, 'add')]`;
}

const vaultIdOf = (grant: GrantExpressions) => `resourceId('Microsoft.KeyVault/vaults', ${grant.vaultName})`;
/** The same name for the same vault, identity and role: a redeploy finds the assignment it made. */
const roleAssignmentName = (grant: GrantExpressions) => `guid(${vaultIdOf(grant)}, ${grant.identityId}, '${cryptoServiceEncryptionUserRoleId}')`;

/**
 * The grant for a vault that already exists, wherever it is: a nested deployment into the vault's resource group and
 * subscription (an access policy or role assignment must be deployed where the vault lives). Inner scope: the nested
 * template sees only the values passed to it.
 */
export function nestedKeyAccessDeployment(
    rbac: boolean,
    grant: GrantExpressions,
    outer: { name: string; resourceGroup: string; subscriptionId: string; dependsOn: string[] },
): Record<string, unknown> {
    const inner: GrantExpressions = {
        vaultName: "parameters('vault_name')",
        principalId: "parameters('principal_id')",
        identityId: "parameters('identity_id')",
    };
    return {
        type: 'Microsoft.Resources/deployments',
        apiVersion: templateApi.deployment,
        name: `[${outer.name}]`,
        resourceGroup: `[${outer.resourceGroup}]`,
        subscriptionId: `[${outer.subscriptionId}]`,
        dependsOn: outer.dependsOn,
        properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: {
                vault_name: { value: `[${grant.vaultName}]` },
                principal_id: { value: `[${grant.principalId}]` },
                identity_id: { value: `[${grant.identityId}]` },
            },
            template: {
                $schema: templateSchema,
                contentVersion: '1.0.0.0',
                parameters: { vault_name: { type: 'string' }, principal_id: { type: 'string' }, identity_id: { type: 'string' } },
                resources: keyAccessResources(rbac, inner),
            },
        },
    };
}
