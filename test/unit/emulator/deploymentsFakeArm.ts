import { randomUUID } from 'node:crypto';
import type { DeploymentContext, DispatchRequest, DispatchResponse } from '../../emulator/deployments';

// An in-memory stand-in for the emulator's ARM handlers, enough to unit-test the template engine alone:
// identities get principal/client ids, registries answer 201 + Azure-AsyncOperation and finish after polls.

/** A resource as the fake keeps it: the PUT body, with its id and name, and what the fake adds (ids, provisioningState). */
export interface FakeResource {
    id: string;
    name?: string;
    location?: string;
    properties: Record<string, unknown> & {
        encryption?: { keyVaultProperties?: unknown };
        principalId?: string;
        clientId?: string;
        provisioningState?: string;
    };
    identity?: { type?: string; principalId?: string; userAssignedIdentities?: Record<string, unknown> };
    [key: string]: unknown;
}

export interface FakeArm {
    context: DeploymentContext;
    requests: DispatchRequest[];
    resources: Map<string, FakeResource>;
    /** Make the next PUT whose path ends with `suffix` fail with this error (HTTP 400 unless told). */
    failPut(suffix: string, error: { code: string; message: string }, status?: number): void;
}

export function createFakeArm(options: { pollsBeforeDone?: number } = {}): FakeArm {
    const resources = new Map<string, FakeResource>();
    const operations = new Map<string, { remaining: number; resourceId: string }>();
    const failures = new Map<string, { error: { code: string; message: string }; status: number }>();
    const requests: DispatchRequest[] = [];

    async function dispatch(request: DispatchRequest): Promise<DispatchResponse> {
        requests.push(request);
        await Promise.resolve(); // yield, so concurrent resource deployments really interleave
        const key = request.path.toLowerCase();
        if (request.method === 'GET' && key.startsWith('/operations/')) {
            const operation = operations.get(key)!;
            operation.remaining--;
            if (operation.remaining > 0) return { status: 200, body: { status: 'InProgress' } };
            resources.get(operation.resourceId.toLowerCase())!.properties.provisioningState = 'Succeeded';
            return { status: 200, body: { status: 'Succeeded' } };
        }
        if (request.method === 'GET') {
            const resource = resources.get(key);
            return resource
                ? { status: 200, body: structuredClone(resource) }
                : { status: 404, body: { error: { code: 'ResourceNotFound', message: `${request.path} not found` } } };
        }
        if (request.method !== 'PUT') return { status: 405, body: { error: { code: 'MethodNotAllowed', message: request.method } } };
        const failure = [...failures.entries()].find(([suffix]) => key.endsWith(suffix.toLowerCase()));
        if (failure) {
            failures.delete(failure[0]);
            return { status: failure[1].status, body: { error: failure[1].error } };
        }
        const body = structuredClone((request.body ?? {}) as Partial<FakeResource>); // the engine PUTs resource JSON
        const resource: FakeResource = { ...body, id: request.path, name: request.path.split('/').pop(), properties: { ...(body.properties ?? {}) } };
        if (/\/userassignedidentities\//.test(key)) {
            Object.assign(resource.properties, { principalId: randomUUID(), clientId: randomUUID(), tenantId: 'tenant-1' });
        }
        if (body.identity?.type?.includes('SystemAssigned')) resource.identity = { ...body.identity, principalId: randomUUID() };
        resources.set(key, resource);
        if (!/\/registries\//.test(key)) return { status: 200, body: resource };
        resource.properties.provisioningState = 'Creating';
        const operationPath = `/operations/${randomUUID()}`;
        operations.set(operationPath, { remaining: options.pollsBeforeDone ?? 2, resourceId: request.path });
        return { status: 201, body: resource, headers: { 'Azure-AsyncOperation': `https://localhost:1${operationPath}?api-version=x` } };
    }

    return {
        context: { dispatch, subscriptionId: 'sub-1', resourceGroup: 'rg-1', location: 'chinaeast2', tenantId: 'tenant-1' },
        requests,
        resources,
        failPut: (suffix, error, status = 400) => failures.set(suffix, { error, status }),
    };
}
