import * as assert from 'node:assert/strict';
import type { CreatePlan } from '../../../src/domain/create/CreatePlan';
import { buildArmTemplate } from '../../../src/domain/create/template/armTemplate';
import { parseTemplateFile, readParameterValues } from '../../../src/domain/create/template/deployTemplate';
import type { AnyDomainError } from '../../../src/domain/errors';

// Templates are free-form JSON: tests walk them through this loose shape.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The structure of a template: resource types, their dependsOn count, and the keys of the registry's encryption. */
function shape(template: Record<string, unknown>) {
    const resources = template.resources as { type: string; dependsOn?: string[]; scope?: string; properties?: Record<string, unknown> }[];
    return {
        parameters: Object.keys(template.parameters as object),
        resources: resources.map((r) => `${r.type}${r.scope ? ' (scoped)' : ''} deps=${r.dependsOn?.length ?? 0}`),
    };
}

const vaultId = (group: string, subscription = 's1') => `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.KeyVault/vaults/kv-demo`;
function plan(rest: Partial<CreatePlan>): CreatePlan {
    return {
        subscriptionId: 's1',
        location: 'eastus',
        resourceGroup: { name: 'rg', create: false },
        registry: { name: 'myregistry' },
        identity: { kind: 'new', name: 'my-identity' },
        vault: { kind: 'existing', id: vaultId('rg') },
        key: { kind: 'existing', name: 'key-demo' },
        versionless: true,
        ...rest,
    };
}

describe('create: ARM template export', () => {
    it("existing access-policy vault + new identity: identity, the grant as a nested deployment into the vault's group, Premium registry with client id", () => {
        const { template, parameters } = buildArmTemplate(plan({}));
        assert.deepEqual(shape(template), {
            parameters: ['registry_name', 'identity_name', 'vault_name', 'vault_resource_group', 'vault_subscription_id', 'key_name', 'location'],
            resources: [
                'Microsoft.ManagedIdentity/userAssignedIdentities deps=0',
                'Microsoft.Resources/deployments deps=1',
                'Microsoft.ContainerRegistry/registries deps=2',
            ],
        });
        const [, nested, registry] = template.resources as Json[];
        assert.equal(nested.resourceGroup, "[parameters('vault_resource_group')]");
        assert.equal(nested.subscriptionId, "[parameters('vault_subscription_id')]");
        assert.equal(nested.properties.expressionEvaluationOptions.scope, 'inner');
        const [policy] = nested.properties.template.resources as Json[];
        assert.equal(policy.type, 'Microsoft.KeyVault/vaults/accessPolicies');
        assert.deepEqual(policy.properties.accessPolicies[0].permissions, { keys: ['get', 'wrapKey', 'unwrapKey'] });
        assert.match(nested.properties.parameters.principal_id.value, /\.principalId\]$/);
        assert.deepEqual(registry.sku, { name: 'Premium' });
        assert.equal(registry.properties.encryption.status, 'enabled');
        assert.match(registry.properties.encryption.keyVaultProperties.identity, /\.clientId\]$/);
        assert.match(registry.properties.encryption.keyVaultProperties.keyIdentifier, /\.keyUri\]$/, 'versionless');
        assert.deepEqual(parameters.parameters, {
            registry_name: { value: 'myregistry' },
            identity_name: { value: 'my-identity' },
            vault_name: { value: 'kv-demo' },
            vault_resource_group: { value: 'rg' },
            vault_subscription_id: { value: 's1' },
            key_name: { value: 'key-demo' },
            location: { value: 'eastus' },
        });
    });

    it('vault in another subscription (RBAC) + existing identity: one role assignment at vault scope inside the nested deployment, no identity resource', () => {
        const identityId = '/subscriptions/s2/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/old';
        const { template, parameters } = buildArmTemplate(
            plan({ identity: { kind: 'existing', id: identityId }, vault: { kind: 'existing', id: vaultId('rg-keys', 's2') }, location: 'chinanorth3' }),
            { existingVaultRbac: true },
        );
        assert.deepEqual(shape(template).resources, ['Microsoft.Resources/deployments deps=0', 'Microsoft.ContainerRegistry/registries deps=1']);
        const [nested] = template.resources as Json[];
        const [role] = nested.properties.template.resources as Json[];
        assert.equal(role.type, 'Microsoft.Authorization/roleAssignments');
        assert.match(role.properties.roleDefinitionId, /e147488a-f6f5-4113-8e2d-b22465e65bf6/);
        assert.equal(role.properties.principalType, 'ServicePrincipal');
        const values = parameters.parameters as Json;
        assert.deepEqual(
            [values.identity_id, values.vault_resource_group, values.vault_subscription_id, values.location],
            [{ value: identityId }, { value: 'rg-keys' }, { value: 's2' }, { value: 'chinanorth3' }],
        );
    });

    it('a pinned key: the picked version as a parameter, else the version current at deployment', () => {
        const picked = buildArmTemplate(plan({ key: { kind: 'existing', name: 'key-demo', version: 'abc123' }, versionless: false }));
        assert.deepEqual((picked.parameters.parameters as Json).key_version, { value: 'abc123' });
        const registry = (picked.template.resources as Json[]).at(-1)!;
        assert.match(registry.properties.encryption.keyVaultProperties.keyIdentifier, /vaultUri, parameters\('key_name'\), parameters\('key_version'\)\)\]$/);
        const current = buildArmTemplate(plan({ versionless: false }));
        assert.match((current.template.resources as Json[]).at(-1)!.properties.encryption.keyVaultProperties.keyIdentifier, /\.keyUriWithVersion\]$/);
    });

    it('a new vault and key: the vault with soft delete and purge protection, the key through Resource Manager, the grant in the same group', () => {
        const { template, parameters } = buildArmTemplate(
            plan({
                vault: { kind: 'new', name: 'kv-new', softDeleteRetentionInDays: 14, permissionModel: 'rbac' },
                key: { kind: 'new', name: 'k1', keySize: 4096 },
            }),
        );
        assert.deepEqual(shape(template).resources, [
            'Microsoft.ManagedIdentity/userAssignedIdentities deps=0',
            'Microsoft.KeyVault/vaults deps=0',
            'Microsoft.KeyVault/vaults/keys deps=1',
            'Microsoft.Authorization/roleAssignments (scoped) deps=2',
            'Microsoft.ContainerRegistry/registries deps=3',
        ]);
        const vault = (template.resources as Json[])[1]!;
        assert.deepEqual(
            [vault.properties.enableSoftDelete, vault.properties.enablePurgeProtection, vault.properties.enableRbacAuthorization],
            [true, true, true],
        );
        const values = parameters.parameters as Json;
        assert.deepEqual([values.soft_delete_retention_days, values.key_size, values.key_type], [{ value: 14 }, { value: 4096 }, { value: 'RSA' }]);
    });

    it('contains no secret, token or key material — only names, ids and expressions', () => {
        const text = JSON.stringify([
            buildArmTemplate(plan({})),
            buildArmTemplate(plan({ vault: { kind: 'new', name: 'kv' }, key: { kind: 'new', name: 'k' } })),
        ]);
        assert.doesNotMatch(text, /secret|password|token|eyJ|-----BEGIN|"n":|"d":|adminPassword/i);
    });

    it('reads template files strictly and parameter files loosely', () => {
        assert.throws(
            () => parseTemplateFile('{ not json', 'a.json'),
            (e: AnyDomainError) => e.code === 'TemplateNotJson' && e.params.file === 'a.json',
        );
        assert.throws(
            () => parseTemplateFile('{"resources": []}', 'b.json'),
            (e: AnyDomainError) => e.code === 'TemplateNotArm',
        );
        assert.throws(
            () => parseTemplateFile('[]', 'c.json'),
            (e: AnyDomainError) => e.code === 'TemplateNotArm',
        );
        assert.ok(parseTemplateFile('\uFEFF{"$schema": "x", "resources": []}', 'd.json'));
        assert.deepEqual(readParameterValues({ parameters: { a: { value: 1 } } }), { a: { value: 1 } });
        assert.deepEqual(readParameterValues({ a: 'x' }), { a: { value: 'x' } });
        assert.deepEqual(readParameterValues(undefined), {});
    });
});
