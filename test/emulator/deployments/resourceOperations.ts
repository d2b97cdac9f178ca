import { setTimeout as delay } from 'node:timers/promises';
import { DeploymentError } from './deploymentError';
import type { DeploymentContext, DispatchRequest, DispatchResponse } from './types';

const TERMINAL_STATES = new Set(['succeeded', 'failed', 'canceled']);
const POLL_INTERVAL_MS = 20; // dispatch is in-process; the deadline, not this interval, bounds the wait

/** PUT one resource and wait until its operation is terminal (201/202 + Azure-AsyncOperation, or provisioningState). */
export async function putResource(context: DeploymentContext, id: string, apiVersion: string, body: unknown): Promise<void> {
  const response = await context.dispatch({ method: 'PUT', path: id, query: { 'api-version': apiVersion }, body });
  if (response.status >= 400) throw errorFrom(response, 'ResourceDeploymentFailure', `PUT ${id} failed with status ${response.status}.`);
  await waitUntilTerminal(context, id, apiVersion, response);
}

export async function getResource(context: DeploymentContext, id: string, apiVersion: string): Promise<any> {
  const response = await context.dispatch({ method: 'GET', path: id, query: { 'api-version': apiVersion } });
  if (response.status === 404) {
    throw new DeploymentError('ResourceNotFound', `The Resource '${id.replace(/^.*\/providers\//, '')}' under resource group '${context.resourceGroup}' was not found.`);
  }
  if (response.status >= 400) throw errorFrom(response, 'ResourceDeploymentFailure', `GET ${id} failed with status ${response.status}.`);
  return response.body;
}

async function waitUntilTerminal(context: DeploymentContext, id: string, apiVersion: string, first: DispatchResponse): Promise<void> {
  const operationUrl = header(first, 'azure-asyncoperation') ?? (first.status === 202 ? header(first, 'location') : undefined);
  const deadline = Date.now() + (context.operationTimeoutMs ?? 60_000);
  let state = operationUrl ? undefined : provisioningState(first.body);
  for (;;) {
    if (state === undefined && !operationUrl && first.status !== 202) return; // a plain 200/201 without a state is done
    if (state === 'succeeded') return;
    if (state === 'failed' || state === 'canceled') {
      throw new DeploymentError('ResourceDeploymentFailure', `The resource operation completed with terminal provisioning state '${state}'.`);
    }
    if (Date.now() > deadline) throw new DeploymentError('ResourceDeploymentFailure', `The operation on '${id}' did not complete in time.`);
    await delay(POLL_INTERVAL_MS);
    state = operationUrl ? await pollOperation(context, operationUrl) : (provisioningState(await getResource(context, id, apiVersion)) ?? 'succeeded');
  }
}

/** Returns the operation's status, lower-cased; a Failed operation throws its own error. */
async function pollOperation(context: DeploymentContext, url: string): Promise<string | undefined> {
  const response = await context.dispatch(requestFor(url));
  if (response.status === 202) return 'inprogress';
  if (response.status >= 400) throw errorFrom(response, 'ResourceDeploymentFailure', `Polling ${url} failed with status ${response.status}.`);
  const status = typeof response.body?.status === 'string' ? response.body.status.toLowerCase() : 'succeeded';
  if (status === 'failed' || status === 'canceled') throw errorFrom(response, 'ResourceDeploymentFailure', `The operation ended '${response.body.status}'.`);
  return TERMINAL_STATES.has(status) ? status : 'inprogress';
}

function requestFor(url: string): DispatchRequest {
  const parsed = new URL(url, 'https://localhost/');
  return { method: 'GET', path: decodeURIComponent(parsed.pathname), query: Object.fromEntries(parsed.searchParams) }; // dispatch paths are decoded, like the HTTP layer's
}

function provisioningState(body: any): string | undefined {
  const state = body?.properties?.provisioningState;
  return typeof state === 'string' ? state.toLowerCase() : undefined;
}

function header(response: DispatchResponse, name: string): string | undefined {
  const entry = Object.entries(response.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return entry?.[1] || undefined;
}

function errorFrom(response: DispatchResponse, fallbackCode: string, fallbackMessage: string): DeploymentError {
  const error = response.body?.error;
  return new DeploymentError(
    typeof error?.code === 'string' ? error.code : fallbackCode,
    typeof error?.message === 'string' ? error.message : fallbackMessage,
  );
}
