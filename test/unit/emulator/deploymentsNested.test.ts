import * as assert from 'node:assert';
import { groupId } from '../../emulator/ids';
import { DEPLOYMENT_FAILED, failingNestedTemplate, identity, identityIn, nested, template, TERMINAL_FAILED, VAULT_NOT_FOUND } from './deploymentsTemplates';
import { API, createDeploymentsWorld, deploymentId, SUB1, SUB2, type DeploymentJson, type ErrorJson } from './deploymentsWorld';

describe('nested deployments (Microsoft.Resources/deployments in a template)', () => {
    it('inner scope, another group: parameters evaluated in the parent, the rest in the nested deployment; the parent reads its outputs', async () => {
        const world = createDeploymentsWorld([
            [SUB1, 'rg-main'],
            [SUB1, 'rg-keys'],
        ]);
        const result = await world.deploy(
            SUB1,
            'rg-main',
            'main',
            template({
                parameters: { prefix: { type: 'string' } },
                variables: { where: 'the parent variable' },
                resources: [
                    nested(
                        'keys',
                        {
                            expressionEvaluationOptions: { scope: 'inner' },
                            parameters: { identityName: { value: "[concat(parameters('prefix'), '-id')]" } },
                            template: template({
                                parameters: { identityName: { type: 'string' } },
                                variables: { where: '[resourceGroup().name]' },
                                resources: [identity("[parameters('identityName')]")],
                                outputs: {
                                    principalId: { type: 'string', value: "[reference(parameters('identityName')).principalId]" },
                                    where: { type: 'string', value: "[variables('where')]" },
                                },
                            }),
                        },
                        { resourceGroup: 'rg-keys' },
                    ),
                ],
                outputs: {
                    principalId: { type: 'string', value: "[reference('keys').outputs.principalId.value]" },
                    nestedWhere: { type: 'string', value: "[reference('keys').outputs.where.value]" },
                },
            }),
            { prefix: { value: 'app' } },
        );

        assert.strictEqual(result.properties.provisioningState, 'Succeeded', JSON.stringify(result.properties.error));
        const created = identityIn(world, SUB1, 'rg-keys', 'app-id');
        assert.ok(created, "the identity is in the nested deployment's group");
        assert.strictEqual(identityIn(world, SUB1, 'rg-main', 'app-id'), undefined);
        assert.deepStrictEqual(result.properties.outputs, {
            principalId: { type: 'String', value: created.principalId },
            nestedWhere: { type: 'String', value: 'rg-keys' },
        });
        const deployment = await world.arm<DeploymentJson>('GET', deploymentId(SUB1, 'rg-keys', 'keys'));
        assert.strictEqual(deployment.status, 200, 'the nested deployment is a deployment of its target group');
        assert.deepStrictEqual(deployment.body.properties.parameters, { identityName: { value: 'app-id' } });
        assert.strictEqual((await world.arm('GET', deploymentId(SUB1, 'rg-main', 'keys'))).status, 404);
    });

    it('another subscription: subscriptionId + resourceGroup; subscription() inside is the target one; reference() by full id', async () => {
        const world = createDeploymentsWorld([
            [SUB1, 'rg-main'],
            [SUB2, 'rg-other'],
        ]);
        const result = await world.deploy(
            SUB1,
            'rg-main',
            'main',
            template({
                resources: [
                    nested(
                        'other',
                        {
                            expressionEvaluationOptions: { scope: 'Inner' },
                            template: template({
                                resources: [identity('far-id')],
                                outputs: {
                                    sub: { type: 'string', value: '[subscription().subscriptionId]' },
                                    group: { type: 'string', value: '[resourceGroup().id]' },
                                },
                            }),
                        },
                        { subscriptionId: SUB2, resourceGroup: 'rg-other' },
                    ),
                ],
                outputs: {
                    sub: {
                        type: 'string',
                        value: `[reference(resourceId('${SUB2}', 'rg-other', 'Microsoft.Resources/deployments', 'other'), '${API}').outputs.sub.value]`,
                    },
                },
            }),
        );

        assert.strictEqual(result.properties.provisioningState, 'Succeeded', JSON.stringify(result.properties.error));
        assert.ok(identityIn(world, SUB2, 'rg-other', 'far-id'));
        assert.deepStrictEqual(result.properties.outputs, { sub: { type: 'String', value: SUB2 } });
        const deployment = await world.arm<DeploymentJson>('GET', deploymentId(SUB2, 'rg-other', 'other'));
        assert.deepStrictEqual(deployment.body.properties.outputs.group, { type: 'String', value: groupId(SUB2, 'rg-other') });
    });

    it("outer scope (ARM's default): the nested template is evaluated in the parent, its resources land in the target group", async () => {
        const world = createDeploymentsWorld([
            [SUB1, 'rg-main'],
            [SUB1, 'rg-keys'],
        ]);
        const result = await world.deploy(
            SUB1,
            'rg-main',
            'main',
            template({
                parameters: { name: { type: 'string' } },
                variables: { origin: 'from parent template' },
                resources: [
                    nested(
                        'outerNested',
                        {
                            template: template({
                                variables: { origin: 'from nested template' },
                                resources: [
                                    identity("[parameters('name')]", {
                                        tags: { group: '[resourceGroup().name]', origin: "[variables('origin')]", literal: '[[not an expression]' },
                                    }),
                                ],
                            }),
                        },
                        { resourceGroup: 'rg-keys' },
                    ),
                    identity('after-outer', { dependsOn: ['outerNested'] }),
                ],
            }),
            { name: { value: 'outer-id' } },
        );

        assert.strictEqual(result.properties.provisioningState, 'Succeeded', JSON.stringify(result.properties.error));
        const created = identityIn(world, SUB1, 'rg-keys', 'outer-id');
        assert.deepStrictEqual(created?.tags, { group: 'rg-main', origin: 'from parent template', literal: '[not an expression]' });
        assert.ok(identityIn(world, SUB1, 'rg-main', 'after-outer'));
    });

    it('an outer-scoped nested template cannot take parameters: InvalidTemplate', async () => {
        const world = createDeploymentsWorld([[SUB1, 'rg-main']]);
        const result = await world.deploy(
            SUB1,
            'rg-main',
            'main',
            template({
                resources: [
                    nested('outer', {
                        expressionEvaluationOptions: { scope: 'outer' },
                        parameters: { x: { value: 1 } },
                        template: template({ parameters: { x: { type: 'int' } }, resources: [] }),
                    }),
                ],
            }),
        );
        assert.strictEqual(result.properties.provisioningState, 'Failed');
        assert.strictEqual(result.properties.error!.code, 'InvalidTemplate');
        assert.match(result.properties.error!.message, /scope 'inner'/);
    });

    it("without resourceGroup it is in the parent's group: resourceId('Microsoft.Resources/deployments', name) finds it", async () => {
        const world = createDeploymentsWorld([[SUB1, 'rg-main']]);
        const result = await world.deploy(
            SUB1,
            'rg-main',
            'main',
            template({
                resources: [
                    identity('after-local', { dependsOn: ["[resourceId('Microsoft.Resources/deployments', 'local')]"] }),
                    nested('local', {
                        expressionEvaluationOptions: { scope: 'inner' },
                        template: template({ resources: [], outputs: { g: { type: 'string', value: '[resourceGroup().name]' } } }),
                    }),
                ],
                outputs: { g: { type: 'string', value: "[reference(resourceId('Microsoft.Resources/deployments', 'local')).outputs.g.value]" } },
            }),
        );
        assert.strictEqual(result.properties.provisioningState, 'Succeeded', JSON.stringify(result.properties.error));
        assert.deepStrictEqual(result.properties.outputs.g, { type: 'String', value: 'rg-main' });
        assert.strictEqual((await world.arm('GET', deploymentId(SUB1, 'rg-main', 'local'))).status, 200);
    });

    it("preflight: a nested deployment in another group is named by its own id (or its name); the parent group's resourceId() is not it", async () => {
        const world = createDeploymentsWorld([
            [SUB1, 'rg-main'],
            [SUB1, 'rg-keys'],
        ]);
        const validate = (dependsOn: string) =>
            world.arm<DeploymentJson & Partial<ErrorJson>>('POST', `${deploymentId(SUB1, 'rg-main', 'main')}/validate`, {
                properties: {
                    mode: 'Incremental',
                    template: template({
                        resources: [
                            nested(
                                'keys',
                                { expressionEvaluationOptions: { scope: 'inner' }, template: template({ resources: [] }) },
                                { resourceGroup: 'rg-keys' },
                            ),
                            identity('after-keys', { dependsOn: [dependsOn] }),
                        ],
                    }),
                },
            });

        const byOwnId = await validate(`[resourceId('${SUB1}', 'rg-keys', 'Microsoft.Resources/deployments', 'keys')]`);
        assert.strictEqual(byOwnId.status, 200, JSON.stringify(byOwnId.body));
        assert.ok(byOwnId.body.properties.validatedResources!.some((r: { id: string }) => r.id === deploymentId(SUB1, 'rg-keys', 'keys')));
        assert.strictEqual((await validate('keys')).status, 200);
        const byParentGroupId = await validate("[resourceId('Microsoft.Resources/deployments', 'keys')]");
        assert.strictEqual(byParentGroupId.status, 400);
        assert.strictEqual(byParentGroupId.body.error!.code, 'InvalidTemplate');
        assert.match(byParentGroupId.body.error!.message, /rg-main\/providers\/Microsoft\.Resources\/deployments\/keys' is not defined in the template/);
    });

    it("a failed nested deployment fails the parent with ARM's nested error: the nested deployment's own error, details kept", async () => {
        const world = createDeploymentsWorld([
            [SUB1, 'rg-main'],
            [SUB1, 'rg-keys'],
        ]);
        const result = await world.deploy(SUB1, 'rg-main', 'main', failingNestedTemplate());

        const nestedId = deploymentId(SUB1, 'rg-keys', 'grant');
        assert.strictEqual(result.properties.provisioningState, 'Failed');
        assert.deepStrictEqual(result.properties.error, {
            code: 'DeploymentFailed',
            target: deploymentId(SUB1, 'rg-main', 'main'),
            message: DEPLOYMENT_FAILED,
            details: [
                {
                    code: 'ResourceDeploymentFailure',
                    target: nestedId,
                    message: TERMINAL_FAILED,
                    details: [
                        {
                            code: 'DeploymentFailed',
                            target: nestedId,
                            message: DEPLOYMENT_FAILED,
                            details: [{ code: 'ResourceNotFound', message: VAULT_NOT_FOUND }],
                        },
                    ],
                },
            ],
        });
        const nestedDeployment = await world.arm<DeploymentJson>('GET', nestedId);
        assert.deepStrictEqual(nestedDeployment.body.properties.error, result.properties.error!.details![0]!.details![0]);
        assert.strictEqual(identityIn(world, SUB1, 'rg-main', 'after-grant'), undefined, 'what depends on the failed nested deployment is not deployed');
    });

    it('a nested deployment into a group or subscription that does not exist fails with what ARM answered (ResourceGroupNotFound, SubscriptionNotFound)', async () => {
        const world = createDeploymentsWorld([[SUB1, 'rg-main']]);
        const absentSub = '99999999-9999-4999-8999-999999999999';
        const result = await world.deploy(
            SUB1,
            'rg-main',
            'main',
            template({
                resources: [
                    nested(
                        'toNoGroup',
                        { expressionEvaluationOptions: { scope: 'inner' }, template: template({ resources: [] }) },
                        { resourceGroup: 'rg-absent' },
                    ),
                    nested(
                        'toNoSub',
                        { expressionEvaluationOptions: { scope: 'inner' }, template: template({ resources: [] }) },
                        { subscriptionId: absentSub, resourceGroup: 'rg-main' },
                    ),
                ],
            }),
        );
        assert.strictEqual(result.properties.error!.code, 'DeploymentFailed');
        assert.deepStrictEqual(
            new Set(result.properties.error!.details!.map((d: { code: string; message: string }) => `${d.code}: ${d.message}`)),
            new Set([
                "ResourceGroupNotFound: Resource group 'rg-absent' could not be found.",
                `SubscriptionNotFound: The subscription '${absentSub}' could not be found.`,
            ]),
        );
    });

    it('a subscriptionId without resourceGroup (a subscription-scope deployment) is refused, not sent to a group', async () => {
        const world = createDeploymentsWorld([[SUB1, 'rg-main']]);
        const result = await world.deploy(
            SUB1,
            'rg-main',
            'main',
            template({
                resources: [
                    nested('subLevel', { expressionEvaluationOptions: { scope: 'inner' }, template: template({ resources: [] }) }, { subscriptionId: SUB2 }),
                ],
            }),
        );
        assert.strictEqual(result.properties.error!.code, 'InvalidTemplate');
        assert.match(result.properties.error!.message, /subscription scope/);
    });
});
