import * as assert from 'node:assert/strict';
import { buildArmTemplate } from '../../../src/domain/create/template/armTemplate';
import { parseTemplateFile, readParameterValues } from '../../../src/domain/create/template/deployTemplate';
import type { DomainError } from '../../../src/domain/errors';

const keyIdentifier = 'https://kv-demo.vault.azure.net/keys/key-demo';

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

describe('create: ARM template export', () => {
    it('access-policy vault + new identity: identity, access policy (get/wrapKey/unwrapKey), Premium registry with client id', () => {
        const { template, parameters } = buildArmTemplate({ registryName: 'myregistry', identity: { kind: 'new', name: 'my-identity' }, vault: { name: 'kv-demo', rbac: false }, keyIdentifier });
        assert.deepEqual(shape(template), {
            parameters: ['registry_name', 'identity_name', 'vault_name', 'kek_id', 'location'],
            resources: ['Microsoft.ManagedIdentity/userAssignedIdentities deps=0', 'Microsoft.KeyVault/vaults/accessPolicies deps=1', 'Microsoft.ContainerRegistry/registries deps=2'],
        });
        const [, policy, registry] = template.resources as Json[];
        assert.deepEqual(policy.properties.accessPolicies[0].permissions, { keys: ['get', 'wrapKey', 'unwrapKey'] });
        assert.match(policy.properties.accessPolicies[0].objectId, /\.principalId\]$/);
        assert.deepEqual(registry.sku, { name: 'Premium' });
        assert.equal(registry.properties.encryption.status, 'enabled');
        assert.match(registry.properties.encryption.keyVaultProperties.identity, /\.clientId\]$/);
        assert.deepEqual(parameters.parameters, { registry_name: { value: 'myregistry' }, identity_name: { value: 'my-identity' }, vault_name: { value: 'kv-demo' }, kek_id: { value: keyIdentifier } });
    });

    it('RBAC vault + existing identity: one role assignment of the crypto service encryption user role at vault scope, no identity resource', () => {
        const identityId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/old';
        const { template, parameters } = buildArmTemplate({ registryName: 'myregistry', identity: { kind: 'existing', id: identityId }, vault: { name: 'kv-demo', rbac: true }, keyIdentifier, location: 'chinanorth3' });
        assert.deepEqual(shape(template), {
            parameters: ['registry_name', 'identity_id', 'vault_name', 'kek_id', 'location'],
            resources: ['Microsoft.Authorization/roleAssignments (scoped) deps=0', 'Microsoft.ContainerRegistry/registries deps=1'],
        });
        const [role] = template.resources as Json[];
        assert.match(role.properties.roleDefinitionId, /e147488a-f6f5-4113-8e2d-b22465e65bf6/);
        assert.equal(role.properties.principalType, 'ServicePrincipal');
        assert.deepEqual((parameters.parameters as Json).identity_id, { value: identityId });
        assert.deepEqual((parameters.parameters as Json).location, { value: 'chinanorth3' });
    });

    it('contains no secret, token or key material — only names, ids and expressions', () => {
        const text = JSON.stringify(buildArmTemplate({ registryName: 'myregistry', identity: { kind: 'new', name: 'id' }, vault: { name: 'kv-demo', rbac: false }, keyIdentifier }));
        assert.doesNotMatch(text, /secret|password|token|eyJ|-----BEGIN|"n":|"d":|adminPassword/i);
    });

    it('reads template files strictly and parameter files loosely', () => {
        assert.throws(() => parseTemplateFile('{ not json', 'a.json'), (e: DomainError) => e.code === 'TemplateNotJson' && e.params.file === 'a.json');
        assert.throws(() => parseTemplateFile('{"resources": []}', 'b.json'), (e: DomainError) => e.code === 'TemplateNotArm');
        assert.throws(() => parseTemplateFile('[]', 'c.json'), (e: DomainError) => e.code === 'TemplateNotArm');
        assert.ok(parseTemplateFile('\uFEFF{"$schema": "x", "resources": []}', 'd.json'));
        assert.deepEqual(readParameterValues({ parameters: { a: { value: 1 } } }), { a: { value: 1 } });
        assert.deepEqual(readParameterValues({ a: 'x' }), { a: { value: 'x' } });
        assert.deepEqual(readParameterValues(undefined), {});
    });
});
