import { groupId, lower } from '../../emulator/ids';
import { API, type DeploymentsWorld } from './deploymentsWorld';

// Template pieces the nested-deployment and deployment-operation tests share.
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const IDENTITY_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities';

export const template = (body: object) => ({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...body });
export const identity = (name: string, extra: object = {}) => ({
    type: IDENTITY_TYPE,
    apiVersion: '2023-01-31',
    name,
    location: '[resourceGroup().location]',
    ...extra,
});
/** A Microsoft.Resources/deployments resource; `target` holds its `resourceGroup`/`subscriptionId`. */
export const nested = (name: string, properties: object, target: object = {}) => ({
    type: 'Microsoft.Resources/deployments',
    apiVersion: API,
    name,
    ...target,
    properties: { mode: 'Incremental', ...properties },
});

export const identityIn = (world: DeploymentsWorld, sub: string, rg: string, name: string) =>
    world.ctx.world.identities[lower(`${groupId(sub, rg)}/providers/${IDENTITY_TYPE}/${name}`)];

export const DEPLOYMENT_FAILED =
    'At least one resource deployment operation failed. Please list deployment operations for details. Please see https://aka.ms/arm-deployment-operations for usage details.';
export const TERMINAL_FAILED = "The resource write operation failed to complete successfully, because it reached terminal provisioning state 'Failed'.";
export const VAULT_NOT_FOUND =
    "The Resource 'Microsoft.KeyVault/vaults/kv-missing' under resource group 'rg-keys' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix";

/** A nested deployment into rg-keys whose only resource grants on a vault that is not there, and a resource after it. */
export const failingNestedTemplate = () =>
    template({
        resources: [
            nested(
                'grant',
                {
                    expressionEvaluationOptions: { scope: 'inner' },
                    template: template({
                        resources: [
                            {
                                type: 'Microsoft.KeyVault/vaults/accessPolicies',
                                apiVersion: '2022-07-01',
                                name: 'kv-missing/add',
                                properties: { accessPolicies: [] },
                            },
                        ],
                    }),
                },
                { resourceGroup: 'rg-keys' },
            ),
            identity('after-grant', { dependsOn: ['grant'] }),
        ],
    });
