import type { CreatePlan } from '../CreatePlan';
import { parseResourceId } from '../../util/resourceId';
import { keyAccessResourceId, keyAccessResources, nestedKeyAccessDeployment } from './keyAccessTemplate';
import { parametersSchema, templateApi, templateSchema } from './templateApi';

/** What the exported template needs beyond the plan: an existing vault's permission model (read from the vault). */
export interface TemplateFacts {
    readonly existingVaultRbac?: boolean;
}

export interface ArmTemplateFiles {
    readonly template: Record<string, unknown>;
    readonly parameters: Record<string, unknown>;
}

type Json = Record<string, unknown>;
const p = (name: string) => `parameters('${name}')`;

/**
 * An ARM template (deployed into the registry's resource group) for every choice the create wizard allows:
 * - the identity: new (in the registry's group) or existing (anywhere, by id);
 * - the vault: new (with soft delete and purge protection, in the registry's group, with a new key created through
 *   Resource Manager) or existing in any group or subscription (its key access is then a nested deployment into the
 *   vault's group, where an access policy or role assignment must live);
 * - the key: versionless (automatic rotation) or pinned (the picked version, else the current one at deployment).
 * The identity gets only get/wrapKey/unwrapKey (or the crypto service encryption user role). No secret is part of it.
 */
export function buildArmTemplate(plan: CreatePlan, facts: TemplateFacts = {}): ArmTemplateFiles {
    const newIdentity = plan.identity.kind === 'new';
    const identityRef = newIdentity ? `resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', ${p('identity_name')})` : p('identity_id');
    const principalId = `reference(${identityRef}, '${templateApi.identity}').principalId`;
    const newVault = plan.vault.kind === 'new';
    const rbac = plan.vault.kind === 'new' ? plan.vault.permissionModel === 'rbac' : facts.existingVaultRbac === true;
    // An existing vault may live in another group or subscription: its ids name them first.
    const vaultScope = newVault ? '' : `${p('vault_subscription_id')}, ${p('vault_resource_group')}, `;
    const vaultId = `resourceId(${vaultScope}'Microsoft.KeyVault/vaults', ${p('vault_name')})`;
    const keyId = `resourceId(${vaultScope}'Microsoft.KeyVault/vaults/keys', ${p('vault_name')}, ${p('key_name')})`;
    const pinnedVersion = plan.key.kind === 'existing' && !plan.versionless ? plan.key.version : undefined;
    const keyIdentifier = pinnedVersion
        ? `[format('{0}keys/{1}/{2}', reference(${vaultId}, '${templateApi.vault}').vaultUri, ${p('key_name')}, ${p('key_version')})]`
        : `[reference(${keyId}, '${templateApi.vault}').${plan.versionless ? 'keyUri' : 'keyUriWithVersion'}]`;
    const identityDependency = newIdentity ? [`[${identityRef}]`] : [];
    const grant = { vaultName: p('vault_name'), principalId, identityId: identityRef };
    const grantDeploymentName = `format('{0}-key-access', ${p('registry_name')})`;

    const resources: Json[] = [];
    if (newIdentity) {
        resources.push({
            type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
            apiVersion: templateApi.identity,
            name: `[${p('identity_name')}]`,
            location: `[${p('location')}]`,
        });
    }
    let grantId: string;
    if (plan.vault.kind === 'new') {
        resources.push(
            {
                type: 'Microsoft.KeyVault/vaults',
                apiVersion: templateApi.vault,
                name: `[${p('vault_name')}]`,
                location: `[${p('location')}]`,
                properties: {
                    tenantId: '[subscription().tenantId]',
                    sku: { family: 'A', name: `[${p('vault_sku')}]` },
                    enableSoftDelete: true,
                    softDeleteRetentionInDays: `[${p('soft_delete_retention_days')}]`,
                    enablePurgeProtection: true,
                    enableRbacAuthorization: rbac,
                    // The identity's access policy is a separate resource: an accessPolicies list here would be replaced on redeploy.
                    accessPolicies: [],
                },
            },
            {
                type: 'Microsoft.KeyVault/vaults/keys',
                apiVersion: templateApi.vault,
                name: `[format('{0}/{1}', ${p('vault_name')}, ${p('key_name')})]`,
                dependsOn: [`[${vaultId}]`],
                properties: { kty: `[${p('key_type')}]`, keySize: `[${p('key_size')}]` },
            },
            ...keyAccessResources(rbac, grant).map((resource) => ({ ...resource, dependsOn: [...identityDependency, `[${vaultId}]`] })),
        );
        grantId = keyAccessResourceId(rbac, grant);
    } else {
        resources.push(
            nestedKeyAccessDeployment(rbac, grant, {
                name: grantDeploymentName,
                resourceGroup: p('vault_resource_group'),
                subscriptionId: p('vault_subscription_id'),
                dependsOn: identityDependency,
            }),
        );
        // The nested deployment lives in the vault's group: dependsOn names it by its full id there.
        grantId = `[resourceId(${vaultScope}'Microsoft.Resources/deployments', ${grantDeploymentName})]`;
    }
    resources.push({
        type: 'Microsoft.ContainerRegistry/registries',
        apiVersion: templateApi.registry,
        name: `[${p('registry_name')}]`,
        location: `[${p('location')}]`,
        sku: { name: 'Premium' },
        identity: { type: 'UserAssigned', userAssignedIdentities: { [`[${identityRef}]`]: {} } },
        dependsOn: [...identityDependency, grantId, ...(newVault ? [`[${keyId}]`] : [])],
        properties: {
            adminUserEnabled: false,
            encryption: {
                status: 'enabled',
                // The identity in keyVaultProperties is the CLIENT id (a principal id here breaks the registry).
                keyVaultProperties: { identity: `[reference(${identityRef}, '${templateApi.identity}').clientId]`, keyIdentifier },
            },
        },
    });
    const parameters = Object.entries(templateParameters(plan, pinnedVersion));
    return {
        template: {
            $schema: templateSchema,
            contentVersion: '1.0.0.0',
            parameters: Object.fromEntries(parameters.map(([name, { spec }]) => [name, spec])),
            resources,
            outputs: {
                registryId: { type: 'string', value: `[resourceId('Microsoft.ContainerRegistry/registries', ${p('registry_name')})]` },
                keyIdentifier: { type: 'string', value: keyIdentifier },
            },
        },
        parameters: {
            $schema: parametersSchema,
            contentVersion: '1.0.0.0',
            parameters: Object.fromEntries(parameters.map(([name, { value }]) => [name, { value }])),
        },
    };
}

/** Each parameter once: its declaration in the template (type, default, allowed values) and its value from the plan. */
function templateParameters(plan: CreatePlan, pinnedVersion: string | undefined): Record<string, { readonly spec: Json; readonly value: unknown }> {
    const param = (value: unknown, spec: Json = {}) => ({ spec: { type: typeof value === 'number' ? 'int' : 'string', ...spec }, value });
    const vault = plan.vault.kind === 'existing' ? parseResourceId(plan.vault.id) : undefined;
    return {
        registry_name: param(plan.registry.name),
        ...(plan.identity.kind === 'new' ? { identity_name: param(plan.identity.name) } : { identity_id: param(plan.identity.id) }),
        vault_name: param(plan.vault.kind === 'new' ? plan.vault.name : vault!.name),
        ...(plan.vault.kind === 'new'
            ? {
                  vault_sku: param(plan.vault.sku ?? 'standard', { defaultValue: 'standard', allowedValues: ['standard', 'premium'] }),
                  soft_delete_retention_days: param(plan.vault.softDeleteRetentionInDays ?? 90, { defaultValue: 90, minValue: 7, maxValue: 90 }),
              }
            : {
                  vault_resource_group: param(vault!.resourceGroup, { defaultValue: '[resourceGroup().name]' }),
                  vault_subscription_id: param(vault!.subscriptionId, { defaultValue: '[subscription().subscriptionId]' }),
              }),
        key_name: param(plan.key.name),
        ...(plan.key.kind === 'new'
            ? {
                  key_type: param(plan.key.keyType ?? 'RSA', { defaultValue: 'RSA', allowedValues: ['RSA', 'RSA-HSM'] }),
                  key_size: param(plan.key.keySize ?? 3072, { defaultValue: 3072, allowedValues: [2048, 3072, 4096] }),
              }
            : {}),
        ...(pinnedVersion ? { key_version: param(pinnedVersion) } : {}),
        location: param(plan.location, { defaultValue: '[resourceGroup().location]' }),
    };
}
