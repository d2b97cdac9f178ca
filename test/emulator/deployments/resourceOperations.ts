import { setTimeout as delay } from 'node:timers/promises';
import { DeploymentError, terminalStateFailure, type ErrorBody } from './deploymentError';
import type { DeploymentContext, DispatchRequest, DispatchResponse } from './types';
import { member } from '../json';

const TERMINAL_STATES: Record<string, string> = { succeeded: 'Succeeded', failed: 'Failed', canceled: 'Canceled' };
const POLL_INTERVAL_MS = 20; // dispatch is in-process; the deadline, not this interval, bounds the wait

/**
 * PUT one resource and wait until its operation is terminal (201/202 + Azure-AsyncOperation, or provisioningState;
 * `waitOn: 'provisioningState'` polls the resource itself, as for nested deployments). Resolves to the HTTP status of
 * the answer (200 after a wait), for the deployment operation's `statusCode`.
 */
export async function putResource(
    context: DeploymentContext,
    id: string,
    apiVersion: string,
    body: unknown,
    waitOn: 'operation' | 'provisioningState' = 'operation',
): Promise<number> {
    const response = await context.dispatch({ method: 'PUT', path: id, query: { 'api-version': apiVersion }, body });
    if (response.status >= 400) throw errorFrom(response, 'ResourceDeploymentFailure', `PUT ${id} failed with status ${response.status}.`);
    const operationUrl =
        waitOn === 'operation' ? (header(response, 'azure-asyncoperation') ?? (response.status === 202 ? header(response, 'location') : undefined)) : undefined;
    if (!operationUrl && response.status !== 202 && provisioningState(response.body) === undefined) return response.status; // done
    if (!operationUrl && provisioningState(response.body) === 'succeeded') return response.status;
    await waitUntilTerminal(context, id, apiVersion, operationUrl);
    return 200;
}

/** The resource's JSON as its provider answers it. */
export async function getResource(context: DeploymentContext, id: string, apiVersion: string): Promise<unknown> {
    const response = await context.dispatch({ method: 'GET', path: id, query: { 'api-version': apiVersion } });
    if (response.status === 404 && member(member(response.body, 'error'), 'code') !== 'ResourceGroupNotFound') {
        const group = /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? context.resourceGroup;
        throw new DeploymentError(
            'ResourceNotFound',
            `The Resource '${id.replace(/^.*\/providers\//, '')}' under resource group '${group}' was not found. ` +
                'For more details please go to https://aka.ms/ARMResourceNotFoundFix',
            undefined,
            { httpStatus: 404 },
        );
    }
    if (response.status >= 400) throw errorFrom(response, 'ResourceDeploymentFailure', `GET ${id} failed with status ${response.status}.`);
    return response.body;
}

async function waitUntilTerminal(context: DeploymentContext, id: string, apiVersion: string, operationUrl: string | undefined): Promise<void> {
    const deadline = Date.now() + (context.operationTimeoutMs ?? 60_000);
    for (;;) {
        if (Date.now() > deadline) {
            throw new DeploymentError('ResourceDeploymentFailure', `The operation on '${id}' did not complete in time.`, undefined, { target: id });
        }
        await delay(POLL_INTERVAL_MS);
        if (operationUrl) {
            if (await operationEnded(context, id, operationUrl)) return;
            continue;
        }
        const resource = await getResource(context, id, apiVersion);
        const state = TERMINAL_STATES[provisioningState(resource) ?? 'succeeded'];
        if (state === 'Succeeded') return;
        if (state) throw terminalStateFailure(id, state, errorBody(member(member(resource, 'properties'), 'error')));
    }
}

/** Whether the operation has ended; a Failed or Canceled one throws, with the operation's own error inside. */
async function operationEnded(context: DeploymentContext, id: string, url: string): Promise<boolean> {
    const response = await context.dispatch(requestFor(url));
    if (response.status === 202) return false;
    if (response.status >= 400) throw errorFrom(response, 'ResourceDeploymentFailure', `Polling ${url} failed with status ${response.status}.`);
    const status = member(response.body, 'status');
    const state = TERMINAL_STATES[typeof status === 'string' ? status.toLowerCase() : 'succeeded'];
    if (state && state !== 'Succeeded') throw terminalStateFailure(id, state, errorBody(member(response.body, 'error')));
    return state !== undefined;
}

function requestFor(url: string): DispatchRequest {
    const parsed = new URL(url, 'https://localhost/');
    return { method: 'GET', path: decodeURIComponent(parsed.pathname), query: Object.fromEntries(parsed.searchParams) }; // dispatch paths are decoded, like the HTTP layer's
}

function provisioningState(body: unknown): string | undefined {
    const state = member(member(body, 'properties'), 'provisioningState');
    return typeof state === 'string' ? state.toLowerCase() : undefined;
}

function header(response: DispatchResponse, name: string): string | undefined {
    const entry = Object.entries(response.headers ?? {}).find(([key]) => key.toLowerCase() === name);
    return entry?.[1] || undefined;
}

/** An ARM error JSON as the provider wrote it (target and nested details kept), or undefined if it is not one. */
function errorBody(error: unknown): ErrorBody | undefined {
    const code = member(error, 'code');
    const message = member(error, 'message');
    if (typeof code !== 'string' || typeof message !== 'string') return undefined;
    const target = member(error, 'target');
    const nested = member(error, 'details');
    const details = Array.isArray(nested) ? nested.map(errorBody).filter((d) => d !== undefined) : undefined;
    return {
        code,
        ...(typeof target === 'string' ? { target } : {}),
        message,
        ...(details?.length ? { details } : {}),
    };
}

function errorFrom(response: DispatchResponse, fallbackCode: string, fallbackMessage: string): DeploymentError {
    const error = errorBody(member(response.body, 'error')) ?? { code: fallbackCode, message: fallbackMessage };
    return new DeploymentError(error.code, error.message, error.details, { target: error.target, httpStatus: response.status });
}
