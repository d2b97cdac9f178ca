import { setTimeout as delay } from 'node:timers/promises';
import { dispatchInternal } from '../../emulator/arm/dispatch';
import type { EmulatorContext, EmulatorEnvironment } from '../../emulator/context';
import { EmulatorClock } from '../../emulator/clock';
import { groupId, lower } from '../../emulator/ids';
import { emptyWorld } from '../../emulator/store';
import type { DeploymentOperationRecord, DeploymentOutput, ErrorBody } from '../../emulator/deployments';
import type { Principal } from '../../emulator/types';

// The emulator's own ARM router in process (no HTTP, no seed): two subscriptions, resource groups as a test asks.
// Deployments run through the real deployments route, so nested deployments, their waiting and their operations
// are the emulator's own.
export const SUB1 = '11111111-1111-4111-8111-111111111111';
export const SUB2 = '22222222-2222-4222-8222-222222222222';
export const API = '2022-09-01';

/** A deployment as the route answers it (a validation answers `validatedResources` in its properties). */
export interface DeploymentJson {
    id: string;
    name: string;
    properties: {
        provisioningState: string;
        parameters: Record<string, unknown>;
        outputs: Record<string, DeploymentOutput>;
        error?: ErrorBody;
        validatedResources?: { id: string }[];
    };
}
/** ARM's `DeploymentOperation`. */
export interface OperationJson {
    id: string;
    operationId: string;
    properties: DeploymentOperationRecord['properties'];
}
export interface ErrorJson {
    error: ErrorBody;
}

/** An answer of the in-process router; `Answer` is the JSON the calling test expects (its assertions check it). */
export interface WorldResponse<Answer> {
    status: number;
    body: Answer;
    headers?: Record<string, string>;
}

export interface DeploymentsWorld {
    ctx: EmulatorContext;
    arm<Answer = unknown>(method: string, path: string, body?: unknown): Promise<WorldResponse<Answer>>;
    /** PUTs a group deployment and reads it until it has ended; resolves to its final GET body. */
    deploy(sub: string, rg: string, name: string, template: object, parameters?: object): Promise<DeploymentJson>;
    /** The list's `value`, at the REST spec's path (`/subscriptions/{s}/resourcegroups/{rg}/deployments/{name}/operations`). */
    operations(sub: string, rg: string, name: string): Promise<OperationJson[]>;
}

export const deploymentId = (sub: string, rg: string, name: string): string => `${groupId(sub, rg)}/providers/Microsoft.Resources/deployments/${name}`;

export function createDeploymentsWorld(groups: [sub: string, rg: string][]): DeploymentsWorld {
    const world = emptyWorld('33333333-3333-4333-8333-333333333333');
    for (const sub of [SUB1, SUB2]) world.subscriptions[sub] = { subscriptionId: sub, displayName: sub };
    for (const [sub, rg] of groups) {
        world.groups[lower(groupId(sub, rg))] = { id: groupId(sub, rg), name: rg, subscriptionId: sub, location: 'eastus', tags: {} };
    }
    const env = { armEndpoint: 'https://management.emulator.localhost/', keyVaultDnsSuffix: '.vault.localhost:8443' } as EmulatorEnvironment;
    const ctx = { world, env, lroPolls: 1, clock: new EmulatorClock(), changed: () => undefined } as unknown as EmulatorContext;
    const principal: Principal = { objectId: '44444444-4444-4444-8444-444444444444', appId: '55555555-5555-4555-8555-555555555555', tenantId: world.tenantId };
    const arm = <Answer = unknown>(method: string, path: string, body?: unknown) =>
        dispatchInternal(ctx, { method, path, query: { 'api-version': API }, body, principal }) as Promise<WorldResponse<Answer>>;

    return {
        ctx,
        arm,
        async deploy(sub, rg, name, template, parameters = {}) {
            const path = deploymentId(sub, rg, name);
            const put = await arm('PUT', path, { properties: { mode: 'Incremental', template, parameters } });
            if (put.status !== 201) throw new Error(`PUT ${path} answered ${put.status}: ${JSON.stringify(put.body)}`);
            for (const deadline = Date.now() + 10_000; Date.now() < deadline; await delay(10)) {
                const current = await arm<DeploymentJson>('GET', path);
                if (current.body?.properties?.provisioningState !== 'Running') return current.body;
            }
            throw new Error(`${path} did not end`);
        },
        async operations(sub, rg, name) {
            const response = await arm<{ value: OperationJson[] }>('GET', `/subscriptions/${sub}/resourcegroups/${rg}/deployments/${name}/operations`);
            if (response.status !== 200) throw new Error(`operations of ${name} answered ${response.status}: ${JSON.stringify(response.body)}`);
            return response.body.value;
        },
    };
}
