import * as assert from 'node:assert';
import { DeploymentError, runDeployment } from '../../emulator/deployments';
import { createFakeArm } from './deploymentsFakeArm';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

// Evaluates one expression as a template output, the way a user would observe it.
async function evaluate(value: unknown, extra: { parameters?: object; variables?: object; values?: Record<string, { value: unknown }> } = {}) {
    const template = {
        $schema: SCHEMA,
        contentVersion: '1.0.0.0',
        parameters: extra.parameters ?? {},
        variables: extra.variables ?? {},
        resources: [],
        outputs: { result: { type: 'object', value } },
    };
    const result = await runDeployment(createFakeArm().context, template, extra.values ?? {});
    return result.outputs.result!.value;
}

async function templateError(promise: Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
    await assert.rejects(promise, (error: unknown) => {
        assert.ok(error instanceof DeploymentError, `expected a DeploymentError, got ${String(error)}`);
        assert.strictEqual(error.code, code);
        assert.match(error.message, pattern);
        return true;
    });
}

const RG_ID = '/subscriptions/sub-1/resourceGroups/rg-1';

describe('ARM template functions', () => {
    it('keeps literals, unescapes [[ and reads quotes doubled inside string literals', async () => {
        assert.strictEqual(await evaluate('plain'), 'plain');
        assert.strictEqual(await evaluate('[[not an expression]'), '[not an expression]');
        assert.strictEqual(await evaluate("['it''s']"), "it's");
    });

    it('parameters(): supplied values, literal and expression defaults, case-insensitive names', async () => {
        const parameters = {
            given: { type: 'string' },
            fallback: { type: 'String', defaultValue: 'dflt' },
            where: { type: 'string', defaultValue: '[resourceGroup().location]' },
        };
        const value = await evaluate("[concat(parameters('GIVEN'), '|', parameters('fallback'), '|', parameters('where'))]", {
            parameters,
            values: { given: { value: 'x' } },
        });
        assert.strictEqual(value, 'x|dflt|chinaeast2');
    });

    it('variables() may use parameters and other variables', async () => {
        const value = await evaluate("[variables('full')]", {
            parameters: { name: { type: 'string', defaultValue: 'reg' } },
            variables: { prefix: "[toUpper(parameters('name'))]", full: "[concat(variables('prefix'), '-1')]" },
        });
        assert.strictEqual(value, 'REG-1');
    });

    it('resourceId() with 2..N segments, an explicit group, or subscription and group', async () => {
        assert.strictEqual(
            await evaluate("[resourceID('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')]"),
            `${RG_ID}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1`,
        );
        assert.strictEqual(
            await evaluate("[resourceId('Microsoft.KeyVault/vaults/accessPolicies', 'v1', 'add')]"),
            `${RG_ID}/providers/Microsoft.KeyVault/vaults/v1/accessPolicies/add`,
        );
        assert.strictEqual(
            await evaluate("[resourceId('other-rg', 'Microsoft.KeyVault/vaults', 'v1')]"),
            '/subscriptions/sub-1/resourceGroups/other-rg/providers/Microsoft.KeyVault/vaults/v1',
        );
        assert.strictEqual(
            await evaluate("[resourceId('sub-2', 'rg-2', 'Microsoft.KeyVault/vaults', 'v1')]"),
            '/subscriptions/sub-2/resourceGroups/rg-2/providers/Microsoft.KeyVault/vaults/v1',
        );
        await templateError(evaluate("[resourceId('Microsoft.KeyVault/vaults/accessPolicies', 'v1')]"), 'InvalidTemplate', /needs 2 name segment/);
    });

    it('subscriptionResourceId() builds role definition ids', async () => {
        assert.strictEqual(
            await evaluate("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'e147488a-f6f5-4113-8e2d-b22465e65bf6')]"),
            '/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6',
        );
    });

    it('concat() joins strings and arrays; format() fills {n} and keeps {{ }}', async () => {
        assert.strictEqual(await evaluate("[concat('a', '/', 'b')]"), 'a/b');
        assert.deepStrictEqual(await evaluate("[concat(variables('one'), variables('two'))]", { variables: { one: [1], two: [2, 3] } }), [1, 2, 3]);
        assert.strictEqual(await evaluate("[format('{0}-{1} {{x}}', 'a', 7)]"), 'a-7 {x}');
        await templateError(evaluate("[format('{1}', 'a')]"), 'InvalidTemplate', /no argument for \{1\}/);
    });

    it('subscription() and resourceGroup() describe the deployment target', async () => {
        assert.strictEqual(await evaluate('[subscription().tenantId]'), 'tenant-1');
        assert.strictEqual(await evaluate('[subscription().subscriptionId]'), 'sub-1');
        assert.strictEqual(await evaluate('[resourceGroup().location]'), 'chinaeast2');
        assert.strictEqual(await evaluate('[resourceGroup().name]'), 'rg-1');
        assert.strictEqual(await evaluate('[resourceGroup().id]'), RG_ID);
    });

    it('guid() is a deterministic v5-style UUID of its arguments', async () => {
        const first = await evaluate("[guid('a', 'b')]");
        assert.match(String(first), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.strictEqual(await evaluate("[guid('a', 'b')]"), first);
        assert.notStrictEqual(await evaluate("[guid('a', 'c')]"), first);
    });

    it('uniqueString() is 13 deterministic base32 characters', async () => {
        const first = await evaluate('[uniqueString(resourceGroup().id)]');
        assert.match(String(first), /^[a-z2-7]{13}$/);
        assert.strictEqual(await evaluate('[uniqueString(resourceGroup().id)]'), first);
        assert.notStrictEqual(await evaluate("[uniqueString('other')]"), first);
    });

    it('toLower(), toUpper(), equals(), not()', async () => {
        assert.strictEqual(await evaluate("[toLower('MiXed')]"), 'mixed');
        assert.strictEqual(await evaluate("[toUpper('MiXed')]"), 'MIXED');
        assert.strictEqual(await evaluate("[equals('a', 'a')]"), true);
        assert.strictEqual(await evaluate('[not(equals(1, 2))]'), true);
    });

    it('if() evaluates only the branch it picks', async () => {
        const parameters = { mode: { type: 'string', defaultValue: 'system' } };
        assert.strictEqual(
            await evaluate("[if(equals(parameters('mode'), 'system'), 'SystemAssigned', parameters('absent'))]", { parameters }),
            'SystemAssigned',
        );
        await templateError(
            evaluate("[if(equals(parameters('mode'), 'user'), 'x', parameters('absent'))]", { parameters }),
            'InvalidTemplate',
            /'absent' is not found/,
        );
    });

    it('reads properties case-insensitively and by index', async () => {
        const variables = { obj: { Inner: { list: ['a', 'b'] } } };
        assert.strictEqual(await evaluate("[variables('obj').inner.list[1]]", { variables }), 'b');
        assert.strictEqual(await evaluate("[variables('obj')['Inner'].list[0]]", { variables }), 'a');
        await templateError(
            evaluate("[variables('obj').missing]", { variables }),
            'InvalidTemplate',
            /property 'missing' doesn't exist, available properties are 'Inner'/,
        );
    });

    it('evaluates expressions in object keys', async () => {
        assert.deepStrictEqual(await evaluate({ "[concat('k', '1')]": 'v' }), { k1: 'v' });
    });
});

describe('ARM template validation errors', () => {
    it('an unknown function is InvalidTemplate, before any request', async () => {
        const arm = createFakeArm();
        const template = { resources: [{ type: 'Microsoft.KeyVault/vaults', apiVersion: '2022-07-01', name: "[noSuchFunction('x')]" }] };
        await templateError(runDeployment(arm.context, template, {}), 'InvalidTemplate', /template function 'noSuchFunction' is not valid/);
        assert.strictEqual(arm.requests.length, 0);
    });

    it('a malformed expression is InvalidTemplate', async () => {
        await templateError(evaluate("[concat('a', )]"), 'InvalidTemplate', /is not valid: unexpected character '\)'/);
        await templateError(evaluate("[concat('a']"), 'InvalidTemplate', /expected ',' or '\)'/);
    });

    it('a parameter without value or default is InvalidTemplate', async () => {
        await templateError(
            evaluate('x', { parameters: { kek_id: { type: 'String' } } }),
            'InvalidTemplate',
            /value for the template parameter 'kek_id' is not provided/,
        );
    });

    it('a parameter the template does not declare, or of the wrong type, is InvalidTemplate', async () => {
        await templateError(evaluate('x', { values: { extra: { value: 1 } } }), 'InvalidTemplate', /parameters 'extra' in the parameters file are not valid/);
        await templateError(
            evaluate('x', { parameters: { n: { type: 'int' } }, values: { n: { value: 'seven' } } }),
            'InvalidTemplate',
            /'n' was provided an invalid value/,
        );
        await templateError(
            evaluate('x', { parameters: { sku: { type: 'string', allowedValues: ['Premium'] } }, values: { sku: { value: 'Basic' } } }),
            'InvalidTemplate',
            /not part of the allowed value/,
        );
    });

    it('variables that need each other are InvalidTemplate', async () => {
        await templateError(
            evaluate("[variables('a')]", { variables: { a: "[variables('b')]", b: "[concat(variables('a'))]" } }),
            'InvalidTemplate',
            /Circular reference/,
        );
    });

    it('a template without resources is InvalidTemplate', async () => {
        await templateError(runDeployment(createFakeArm().context, { parameters: {} }, {}), 'InvalidTemplate', /'resources' array/);
    });
});
