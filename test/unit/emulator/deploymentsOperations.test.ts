import * as assert from 'node:assert';
import { DeploymentError, isoDuration, runDeployment, type DeploymentOperationRecord } from '../../emulator/deployments';
import { createFakeArm } from './deploymentsFakeArm';
import { DEPLOYMENT_FAILED, failingNestedTemplate, IDENTITY_TYPE, identity, nested, template, TERMINAL_FAILED, VAULT_NOT_FOUND } from './deploymentsTemplates';
import { API, createDeploymentsWorld, deploymentId, SUB1, type ErrorJson, type OperationJson } from './deploymentsWorld';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ISO_DURATION = /^PT(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every operation has ARM's envelope; returns `properties` without the per-run values, for exact comparison. */
function stable(deploymentIdValue: string, operation: OperationJson): Record<string, unknown> {
    assert.match(operation.operationId, /^[0-9A-F]{16}$/);
    assert.strictEqual(operation.id, `${deploymentIdValue}/operations/${operation.operationId}`);
    const { timestamp, duration, trackingId, serviceRequestId, ...rest } = operation.properties;
    assert.match(timestamp, ISO_TIME);
    assert.match(duration, ISO_DURATION);
    assert.match(trackingId, UUID);
    if (serviceRequestId !== undefined) assert.match(serviceRequestId, UUID);
    return rest;
}

describe('deployment operations (GET .../deployments/{name}/operations)', () => {
    it('a succeeded deployment: one Create per resource written (a nested deployment is one, on the parent), EvaluateDeploymentOutput, no reads', async () => {
        const world = createDeploymentsWorld([
            [SUB1, 'rg-main'],
            [SUB1, 'rg-keys'],
        ]);
        const parentId = deploymentId(SUB1, 'rg-main', 'main');
        const nestedId = deploymentId(SUB1, 'rg-keys', 'keys');
        const result = await world.deploy(
            SUB1,
            'rg-main',
            'main',
            template({
                resources: [
                    nested(
                        'keys',
                        { expressionEvaluationOptions: { scope: 'inner' }, template: template({ resources: [identity('id-keys')] }) },
                        { resourceGroup: 'rg-keys' },
                    ),
                    identity('id-main', { tags: { nested: "[reference('keys').provisioningState]" } }),
                ],
                outputs: { state: { type: 'string', value: "[reference('keys').provisioningState]" } },
            }),
        );
        assert.strictEqual(result.properties.provisioningState, 'Succeeded', JSON.stringify(result.properties.error));

        const operations = await world.operations(SUB1, 'rg-main', 'main');
        assert.deepStrictEqual(
            operations.map((operation) => stable(parentId, operation)),
            [
                {
                    provisioningOperation: 'Create',
                    provisioningState: 'Succeeded',
                    statusCode: 'OK',
                    targetResource: { id: nestedId, resourceType: 'Microsoft.Resources/deployments', resourceName: 'keys' },
                },
                {
                    provisioningOperation: 'Create',
                    provisioningState: 'Succeeded',
                    statusCode: 'Created',
                    targetResource: {
                        id: `/subscriptions/${SUB1}/resourceGroups/rg-main/providers/${IDENTITY_TYPE}/id-main`,
                        resourceType: IDENTITY_TYPE,
                        resourceName: 'id-main',
                    },
                },
                { provisioningOperation: 'EvaluateDeploymentOutput', provisioningState: 'Succeeded', statusCode: 'OK' },
            ],
        );
        assert.deepStrictEqual(
            (await world.operations(SUB1, 'rg-keys', 'keys')).map((operation) => stable(nestedId, operation)),
            [
                {
                    provisioningOperation: 'Create',
                    provisioningState: 'Succeeded',
                    statusCode: 'Created',
                    targetResource: {
                        id: `/subscriptions/${SUB1}/resourceGroups/rg-keys/providers/${IDENTITY_TYPE}/id-keys`,
                        resourceType: IDENTITY_TYPE,
                        resourceName: 'id-keys',
                    },
                },
            ],
        );

        const one = await world.arm<OperationJson>('GET', `${parentId}/operations/${operations[1]!.operationId.toLowerCase()}`);
        assert.deepStrictEqual(one, { status: 200, body: operations[1] });
        const missing = await world.arm<ErrorJson>('GET', `${parentId}/operations/0000000000000000`);
        assert.strictEqual(missing.status, 404);
        assert.strictEqual(missing.body.error.code, 'DeploymentOperationNotFound');
    });

    it('a failed deployment lists its failed operations with their errors: the nested one on the parent, the cause in the nested deployment', async () => {
        const world = createDeploymentsWorld([
            [SUB1, 'rg-main'],
            [SUB1, 'rg-keys'],
        ]);
        const nestedId = deploymentId(SUB1, 'rg-keys', 'grant');
        await world.deploy(SUB1, 'rg-main', 'main', failingNestedTemplate());

        const nestedError = {
            code: 'DeploymentFailed',
            target: nestedId,
            message: DEPLOYMENT_FAILED,
            details: [{ code: 'ResourceNotFound', message: VAULT_NOT_FOUND }],
        };
        assert.deepStrictEqual(
            (await world.operations(SUB1, 'rg-main', 'main')).map((operation) => stable(deploymentId(SUB1, 'rg-main', 'main'), operation)),
            [
                {
                    provisioningOperation: 'Create',
                    provisioningState: 'Failed',
                    statusCode: 'Conflict',
                    statusMessage: {
                        status: 'Failed',
                        error: { code: 'ResourceDeploymentFailure', target: nestedId, message: TERMINAL_FAILED, details: [nestedError] },
                    },
                    targetResource: { id: nestedId, resourceType: 'Microsoft.Resources/deployments', resourceName: 'grant' },
                },
            ],
            'the resource after the failed nested deployment was never written: no operation',
        );
        const policyId = `/subscriptions/${SUB1}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-missing/accessPolicies/add`;
        assert.deepStrictEqual(
            (await world.operations(SUB1, 'rg-keys', 'grant')).map((operation) => stable(nestedId, operation)),
            [
                {
                    provisioningOperation: 'Create',
                    provisioningState: 'Failed',
                    statusCode: 'NotFound',
                    statusMessage: { status: 'Failed', error: { code: 'ResourceNotFound', message: VAULT_NOT_FOUND } },
                    targetResource: { id: policyId, resourceType: 'Microsoft.KeyVault/vaults/accessPolicies', resourceName: 'kv-missing/add' },
                },
            ],
        );
    });

    it("the engine records what the provider answered: a 403 AuthorizationFailed on a nested deployment is a Forbidden operation and the parent's detail", async () => {
        const arm = createFakeArm();
        const operations: DeploymentOperationRecord[] = [];
        const denied = {
            code: 'AuthorizationFailed',
            message:
                "The client 'x' with object id 'x' does not have authorization to perform action 'Microsoft.Resources/deployments/write' over scope '/subscriptions/sub-1/resourceGroups/rg-locked/providers/Microsoft.Resources/deployments/locked' or the scope is invalid. If access was recently granted, please refresh your credentials.",
        };
        arm.failPut('/deployments/locked', denied, 403);
        const run = runDeployment(
            { ...arm.context, operations },
            template({
                resources: [
                    nested(
                        'locked',
                        { expressionEvaluationOptions: { scope: 'inner' }, template: template({ resources: [] }) },
                        { resourceGroup: 'rg-locked' },
                    ),
                ],
            }),
            {},
        );
        await assert.rejects(run, (error: unknown) => {
            assert.ok(error instanceof DeploymentError);
            assert.deepStrictEqual(error.toJSON(), { code: 'DeploymentFailed', message: DEPLOYMENT_FAILED, details: [denied] });
            return true;
        });
        assert.strictEqual(operations.length, 1);
        assert.deepStrictEqual(
            { ...operations[0]!.properties, timestamp: 0, duration: 0, trackingId: 0, serviceRequestId: 0 },
            {
                provisioningOperation: 'Create',
                provisioningState: 'Failed',
                statusCode: 'Forbidden',
                timestamp: 0,
                duration: 0,
                trackingId: 0,
                serviceRequestId: 0,
                statusMessage: { status: 'Failed', error: denied },
                targetResource: {
                    id: '/subscriptions/sub-1/resourceGroups/rg-locked/providers/Microsoft.Resources/deployments/locked',
                    resourceType: 'Microsoft.Resources/deployments',
                    resourceName: 'locked',
                },
            },
        );
        const put = arm.requests.find((request) => request.method === 'PUT')!;
        assert.deepStrictEqual(put.query, { 'api-version': API });
        assert.ok(!('resourceGroup' in (put.body as object)), 'resourceGroup/subscriptionId are deployment-only, never in the PUT body');
    });

    it('durations are ISO 8601 as ARM writes them', () => {
        assert.deepStrictEqual([0, 123, 1234, 65_200, 7_201_000].map(isoDuration), ['PT0S', 'PT0.123S', 'PT1.234S', 'PT1M5.2S', 'PT2H1S']);
    });

    it('template errors are not operations; a Running operation is listed while it runs', async () => {
        const arm = createFakeArm({ pollsBeforeDone: 3 });
        const operations: DeploymentOperationRecord[] = [];
        const registry = { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: 'r1', sku: { name: 'Basic' } };
        const running = runDeployment({ ...arm.context, operations }, template({ resources: [registry] }), {});
        await new Promise((resolve) => setTimeout(resolve, 5));
        assert.deepStrictEqual(
            operations.map((operation) => [operation.properties.provisioningState, operation.properties.statusCode]),
            [['Running', undefined]],
        );
        await running;
        assert.deepStrictEqual(
            operations.map((operation) => [operation.properties.provisioningState, operation.properties.statusCode]),
            [['Succeeded', 'OK']],
        );

        const none: DeploymentOperationRecord[] = [];
        const broken = identity('x', { tags: { t: "[variables('missing')]" } });
        await assert.rejects(runDeployment({ ...arm.context, operations: none }, template({ resources: [broken] }), {}), { code: 'InvalidTemplate' });
        assert.deepStrictEqual(none, []);
    });
});
