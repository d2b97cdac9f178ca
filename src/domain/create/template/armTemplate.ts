import { cryptoServiceEncryptionUserRoleId, encryptionKeyPermissions } from '../../access/roles';

/** What the exported template describes: like the seed's CMKtemplate.json, the vault and key exist beforehand. */
export interface TemplateInput {
    readonly registryName: string;
    readonly identity: { readonly kind: 'new'; readonly name: string } | { readonly kind: 'existing'; readonly id: string };
    /** The vault must be in the deployment's resource group (an access policy is a child resource of it). */
    readonly vault: { readonly name: string; readonly rbac: boolean };
    /** Versionless (automatic rotation) or versioned key identifier. */
    readonly keyIdentifier: string;
    readonly location?: string;
}

export interface ArmTemplateFiles {
    readonly template: Record<string, unknown>;
    readonly parameters: Record<string, unknown>;
}

const identityApi = '2023-01-31';

/**
 * An ARM template for the registry with its user-assigned identity and CMK encryption, the identity (when new),
 * and the identity's key access: an access policy with get/wrapKey/unwrapKey, or on an RBAC vault the
 * "Key Vault Crypto Service Encryption User" role at vault scope. No secret is ever part of it.
 */
export function buildArmTemplate(input: TemplateInput): ArmTemplateFiles {
    const newIdentity = input.identity.kind === 'new';
    const identityRef = newIdentity ? "resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identity_name'))" : "parameters('identity_id')";
    const identityParameter = newIdentity ? { identity_name: { type: 'string' } } : { identity_id: { type: 'string' } };
    const accessResource = input.vault.rbac ? roleAssignmentResource(identityRef) : accessPolicyResource(identityRef);
    const accessId = input.vault.rbac
        ? `[extensionResourceId(resourceId('Microsoft.KeyVault/vaults', parameters('vault_name')), 'Microsoft.Authorization/roleAssignments', guid(resourceId('Microsoft.KeyVault/vaults', parameters('vault_name')), ${identityRef}, '${cryptoServiceEncryptionUserRoleId}'))]`
        : "[resourceId('Microsoft.KeyVault/vaults/accessPolicies', parameters('vault_name'), 'add')]";
    const identityDependency = newIdentity ? [`[${identityRef}]`] : [];
    const template = {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: {
            registry_name: { type: 'string' },
            ...identityParameter,
            vault_name: { type: 'string' },
            kek_id: { type: 'string' },
            location: { type: 'string', defaultValue: '[resourceGroup().location]' },
        },
        resources: [
            ...(newIdentity ? [{ type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: identityApi, name: "[parameters('identity_name')]", location: "[parameters('location')]" }] : []),
            { ...accessResource, dependsOn: identityDependency },
            {
                type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: "[parameters('registry_name')]", location: "[parameters('location')]",
                sku: { name: 'Premium' },
                identity: { type: 'UserAssigned', userAssignedIdentities: { [`[${identityRef}]`]: {} } },
                dependsOn: [...identityDependency, accessId],
                properties: {
                    adminUserEnabled: false,
                    encryption: {
                        status: 'enabled',
                        // The identity in keyVaultProperties is the CLIENT id (a principal id here breaks the registry).
                        keyVaultProperties: { identity: `[reference(${identityRef}, '${identityApi}').clientId]`, keyIdentifier: "[parameters('kek_id')]" },
                    },
                },
            },
        ],
        outputs: { registryId: { type: 'string', value: "[resourceId('Microsoft.ContainerRegistry/registries', parameters('registry_name'))]" } },
    };
    const parameters = {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
        contentVersion: '1.0.0.0',
        parameters: {
            registry_name: { value: input.registryName },
            ...(input.identity.kind === 'new' ? { identity_name: { value: input.identity.name } } : { identity_id: { value: input.identity.id } }),
            vault_name: { value: input.vault.name },
            kek_id: { value: input.keyIdentifier },
            ...(input.location ? { location: { value: input.location } } : {}),
        },
    };
    return { template, parameters };
}

function accessPolicyResource(identityRef: string): Record<string, unknown> {
    return {
        type: 'Microsoft.KeyVault/vaults/accessPolicies', apiVersion: '2023-07-01', name: "[concat(parameters('vault_name'), '/add')]",
        properties: {
            accessPolicies: [{
                tenantId: '[subscription().tenantId]',
                objectId: `[reference(${identityRef}, '${identityApi}').principalId]`,
                permissions: { keys: [...encryptionKeyPermissions] },
            }],
        },
    };
}

function roleAssignmentResource(identityRef: string): Record<string, unknown> {
    return {
        type: 'Microsoft.Authorization/roleAssignments', apiVersion: '2022-04-01',
        scope: "[format('Microsoft.KeyVault/vaults/{0}', parameters('vault_name'))]",
        name: `[guid(resourceId('Microsoft.KeyVault/vaults', parameters('vault_name')), ${identityRef}, '${cryptoServiceEncryptionUserRoleId}')]`,
        properties: {
            roleDefinitionId: `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${cryptoServiceEncryptionUserRoleId}')]`,
            principalId: `[reference(${identityRef}, '${identityApi}').principalId]`,
            principalType: 'ServicePrincipal',
        },
    };
}
