import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DeploymentError, runDeployment, validateDeployment } from '../../emulator/deployments';
import { member } from '../../emulator/json';
import { createFakeArm } from './deploymentsFakeArm';

const RG_ID = '/subscriptions/sub-1/resourceGroups/rg-1';
const cmkTemplate = () => JSON.parse(readFileSync(path.join(__dirname, '../../cli/fixtures/CMKtemplate.json'), 'utf8'));
const puts = (requests: { method: string; path: string }[]) => requests.filter((r) => r.method === 'PUT').map((r) => r.path.split('/').slice(-2).join('/'));

describe('runDeployment', () => {
    it("deploys the source document's CMKtemplate.json: identity first, references resolved, registry LRO awaited", async () => {
        const arm = createFakeArm({ pollsBeforeDone: 2 });
        const kek = 'https://v1.vault.localhost:8443/keys/k1';
        const result = await runDeployment(arm.context, cmkTemplate(), {
            registry_name: { value: 'reg1' },
            identity_name: { value: 'id1' },
            vault_name: { value: 'v1' },
            kek_id: { value: kek },
        });

        const identityId = `${RG_ID}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1`;
        const identity = arm.resources.get(identityId.toLowerCase())!;
        assert.strictEqual(identity.location, 'chinaeast2');
        assert.strictEqual(puts(arm.requests)[0], 'userAssignedIdentities/id1');

        const registry = arm.resources.get(`${RG_ID}/providers/Microsoft.ContainerRegistry/registries/reg1`.toLowerCase())!;
        assert.deepStrictEqual(Object.keys(registry.identity!.userAssignedIdentities!), [identityId]);
        assert.deepStrictEqual(registry.properties.encryption!.keyVaultProperties, { identity: identity.properties.clientId, KeyIdentifier: kek });
        assert.strictEqual(registry.properties.provisioningState, 'Succeeded', 'the registry operation was polled to its end');
        assert.strictEqual(arm.requests.filter((r) => r.path.startsWith('/operations/')).length, 2);
        const registryPut = arm.requests.find((r) => r.method === 'PUT' && r.path.endsWith('/registries/reg1'))!;
        assert.deepStrictEqual(registryPut.query, { 'api-version': '2019-12-01-preview' });
        assert.ok(!('dependsOn' in (registryPut.body as object)) && !('apiVersion' in (registryPut.body as object)));

        const policyPut = arm.requests.find((r) => r.method === 'PUT' && r.path.endsWith('/accessPolicies/add'))!;
        assert.strictEqual(policyPut.path, `${RG_ID}/providers/Microsoft.KeyVault/vaults/v1/accessPolicies/add`);
        assert.deepStrictEqual(policyPut.query, { 'api-version': '2018-02-14' });
        assert.deepStrictEqual(member(member(policyPut.body, 'properties'), 'accessPolicies'), [
            { tenantId: 'tenant-1', objectId: identity.properties.principalId, permissions: { keys: ['get', 'unwrapKey', 'wrapKey'] } },
        ]);
        assert.deepStrictEqual(result.outputResources.map((r) => r.id.split('/').pop()).sort(), ['add', 'id1', 'reg1']);
        assert.deepStrictEqual(result.outputs, {});
    });

    it('deploys what the extension exports: system identity, role assignment scoped to a vault, Full reference', async () => {
        const arm = createFakeArm();
        const vaultId = `${RG_ID}/providers/Microsoft.KeyVault/vaults/v1`;
        arm.resources.set(vaultId.toLowerCase(), { id: vaultId, properties: { vaultUri: 'https://v1.vault.localhost/' } });
        const template = {
            parameters: { registryName: { type: 'string' } },
            variables: {
                registryId: "[resourceId('Microsoft.ContainerRegistry/registries', parameters('registryName'))]",
                role: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
            },
            resources: [
                {
                    type: 'Microsoft.Authorization/roleAssignments',
                    apiVersion: '2022-04-01',
                    name: "[guid(variables('registryId'), variables('role'))]",
                    scope: "[resourceId('Microsoft.KeyVault/vaults', 'v1')]",
                    properties: {
                        roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('role'))]",
                        principalId: "[reference(variables('registryId'), '2023-07-01', 'Full').identity.principalId]",
                        principalType: 'ServicePrincipal',
                    },
                },
                {
                    type: 'Microsoft.ContainerRegistry/registries',
                    apiVersion: '2023-07-01',
                    name: "[parameters('registryName')]",
                    location: '[resourceGroup().location]',
                    sku: { name: 'Premium' },
                    identity: { type: 'SystemAssigned' },
                    properties: {},
                },
            ],
            outputs: { vaultUri: { type: 'string', value: "[reference(resourceId('Microsoft.KeyVault/vaults', 'v1'), '2022-07-01').vaultUri]" } },
        };
        const result = await runDeployment(arm.context, template, { registryName: { value: 'reg2' } });

        assert.deepStrictEqual(puts(arm.requests), [
            'registries/reg2',
            `roleAssignments/${arm.requests
                .find((r) => r.path.includes('roleAssignments'))!
                .path.split('/')
                .pop()}`,
        ]);
        const assignment = arm.requests.find((r) => r.method === 'PUT' && r.path.includes('/roleAssignments/'))!;
        assert.match(assignment.path, new RegExp(`^${vaultId}/providers/Microsoft.Authorization/roleAssignments/[0-9a-f-]{36}$`));
        const registry = arm.resources.get(`${RG_ID}/providers/Microsoft.ContainerRegistry/registries/reg2`.toLowerCase())!;
        assert.strictEqual(member(member(assignment.body, 'properties'), 'principalId'), registry.identity!.principalId);
        assert.deepStrictEqual(result.outputs, { vaultUri: { type: 'String', value: 'https://v1.vault.localhost/' } });
    });

    it('follows dependsOn order whatever the declaration order, by id, name or type/name', async () => {
        const arm = createFakeArm();
        const resource = (name: string, dependsOn: string[]) => ({
            type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
            apiVersion: '2018-11-30',
            name,
            dependsOn,
        });
        const template = {
            resources: [
                resource('c', ["[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'b')]"]),
                resource('b', ['Microsoft.ManagedIdentity/userAssignedIdentities/a']),
                resource('a', []),
                resource('d', ['c']),
            ],
        };
        await runDeployment(arm.context, template, {});
        assert.deepStrictEqual(puts(arm.requests), [
            'userAssignedIdentities/a',
            'userAssignedIdentities/b',
            'userAssignedIdentities/c',
            'userAssignedIdentities/d',
        ]);
    });

    it('runs independent resources concurrently', async () => {
        const arm = createFakeArm({ pollsBeforeDone: 3 });
        const registry = (name: string) => ({ type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name, sku: { name: 'Basic' } });
        await runDeployment(arm.context, { resources: [registry('r1'), registry('r2')] }, {});
        const secondPut = arm.requests.findIndex((r) => r.method === 'PUT' && r.path.endsWith('/r2'));
        const firstPoll = arm.requests.findIndex((r) => r.path.startsWith('/operations/'));
        assert.ok(secondPut >= 0 && secondPut < firstPoll, 'r2 was sent before r1 finished');
    });

    it('rejects circular and unknown dependencies as InvalidTemplate before any request', async () => {
        const arm = createFakeArm();
        const resource = (name: string, dependsOn: string[]) => ({
            type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
            apiVersion: '2018-11-30',
            name,
            dependsOn,
        });
        await assert.rejects(runDeployment(arm.context, { resources: [resource('a', ['b']), resource('b', ['a'])] }, {}), {
            code: 'InvalidTemplate',
            message: /Circular dependency/,
        });
        await assert.rejects(runDeployment(arm.context, { resources: [resource('a', ['ghost'])] }, {}), {
            code: 'InvalidTemplate',
            message: /'ghost' is not defined/,
        });
        await assert.rejects(
            runDeployment(arm.context, { resources: [{ type: 'Microsoft.KeyVault/vaults/accessPolicies', apiVersion: 'x', name: 'v1' }] }, {}),
            { code: 'InvalidTemplate', message: /identical number of segments/ },
        );
        assert.strictEqual(arm.requests.length, 0);
    });

    it('a resource the provider refuses fails the deployment with its error inside, and its dependents are not sent', async () => {
        const arm = createFakeArm();
        arm.failPut('/registries/bad', { code: 'CmkRequiresPremium', message: 'Premium only' });
        const template = {
            resources: [
                { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: 'bad', sku: { name: 'Basic' } },
                { type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: '2018-11-30', name: 'after', dependsOn: ['bad'] },
            ],
        };
        await assert.rejects(runDeployment(arm.context, template, {}), (error: unknown) => {
            assert.ok(error instanceof DeploymentError);
            assert.strictEqual(error.code, 'DeploymentFailed');
            assert.deepStrictEqual(error.details, [{ code: 'CmkRequiresPremium', message: 'Premium only' }]);
            assert.deepStrictEqual(JSON.parse(JSON.stringify(error)).details, error.details);
            return true;
        });
        assert.ok(!arm.requests.some((r) => r.path.endsWith('/after')));
    });

    it('reference() to a resource that does not exist fails with ResourceNotFound inside DeploymentFailed', async () => {
        const arm = createFakeArm();
        const template = {
            resources: [
                {
                    type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
                    apiVersion: '2018-11-30',
                    name: 'x',
                    tags: { owner: "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'missing'), '2018-11-30').principalId]" },
                },
            ],
        };
        await assert.rejects(runDeployment(arm.context, template, {}), {
            code: 'DeploymentFailed',
            details: [
                {
                    code: 'ResourceNotFound',
                    message:
                        "The Resource 'Microsoft.ManagedIdentity/userAssignedIdentities/missing' under resource group 'rg-1' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
                },
            ],
        });
    });

    it('flattens nested child resources under their parent and skips resources whose condition is false', async () => {
        const arm = createFakeArm();
        const template = {
            parameters: { withRole: { type: 'bool', defaultValue: false } },
            resources: [
                {
                    type: 'Microsoft.KeyVault/vaults',
                    apiVersion: '2022-07-01',
                    name: 'v9',
                    properties: {},
                    resources: [{ type: 'accessPolicies', apiVersion: '2022-07-01', name: 'add', properties: { accessPolicies: [] } }],
                },
                {
                    condition: "[parameters('withRole')]",
                    type: 'Microsoft.Authorization/roleAssignments',
                    apiVersion: '2022-04-01',
                    name: "[guid('x')]",
                    properties: {},
                },
            ],
        };
        const result = await runDeployment(arm.context, template, {});
        assert.deepStrictEqual(puts(arm.requests), ['vaults/v9', 'accessPolicies/add']);
        assert.deepStrictEqual(
            result.outputResources.map((r) => r.id),
            [`${RG_ID}/providers/Microsoft.KeyVault/vaults/v9`, `${RG_ID}/providers/Microsoft.KeyVault/vaults/v9/accessPolicies/add`],
        );
    });

    it('validateDeployment() is a preflight: ids of what would be deployed, template errors, and no request at all', async () => {
        const arm = createFakeArm();
        const values = {
            registry_name: { value: 'reg1' },
            identity_name: { value: 'id1' },
            vault_name: { value: 'v1' },
            kek_id: { value: 'https://v1.vault.localhost/keys/k' },
        };
        const { validatedResources } = await validateDeployment(arm.context, cmkTemplate(), values);
        assert.deepStrictEqual(
            validatedResources.map((r) => r.id),
            [
                `${RG_ID}/providers/Microsoft.ContainerRegistry/registries/reg1`,
                `${RG_ID}/providers/Microsoft.KeyVault/vaults/v1/accessPolicies/add`,
                `${RG_ID}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1`,
            ],
        );
        const { kek_id: _omitted, ...withoutKey } = values;
        await assert.rejects(validateDeployment(arm.context, cmkTemplate(), withoutKey), { code: 'InvalidTemplate', message: /'kek_id' is not provided/ });
        assert.strictEqual(arm.requests.length, 0);
    });
});
