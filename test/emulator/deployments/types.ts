import type { ErrorBody } from './deploymentError';

// Contract between the ARM template engine and the emulator route that hosts it. The engine never speaks
// HTTP: every resource operation goes through `dispatch`, i.e. the same handlers the ARM routes use.
export interface DispatchRequest {
    method: string;
    /** ARM path without host, e.g. `/subscriptions/{s}/resourceGroups/{rg}/providers/{type}/{name}`. */
    path: string;
    query: Record<string, string>;
    body?: unknown;
}

export interface DispatchResponse {
    status: number;
    /** free-form JSON: read with ../json's member() */
    body: unknown;
    /** Optional: when present, `Azure-AsyncOperation`/`Location` are followed to wait for long-running PUTs. */
    headers?: Record<string, string | undefined>;
}

export interface DeploymentContext {
    dispatch: (request: DispatchRequest) => Promise<DispatchResponse>;
    subscriptionId: string;
    resourceGroup: string;
    location: string;
    tenantId: string;
    /** Upper bound for waiting on one long-running resource operation (default 60 s). */
    operationTimeoutMs?: number;
    /** Where the engine records its deployment operations (ARM's `.../deployments/{name}/operations`), as they run. */
    operations?: DeploymentOperationRecord[];
}

/**
 * One deployment operation in ARM's shape (`DeploymentOperation` without its `id`, which the host derives:
 * `<deployment id>/operations/<operationId>`). Mutated in place while it runs.
 */
export interface DeploymentOperationRecord {
    operationId: string;
    properties: {
        provisioningOperation: 'Create' | 'EvaluateDeploymentOutput';
        provisioningState: 'Running' | 'Succeeded' | 'Failed';
        /** when it started while Running, when it ended after */
        timestamp: string;
        /** ISO 8601, e.g. `PT1.234S` */
        duration: string;
        trackingId: string;
        serviceRequestId?: string;
        /** The HTTP status name of the answer (`OK`, `Created`, `NotFound`, `Conflict`...); absent while Running. */
        statusCode?: string;
        statusMessage?: { status: 'Failed'; error: ErrorBody };
        /** Absent for `EvaluateDeploymentOutput`, as in ARM. */
        targetResource?: { id: string; resourceType: string; resourceName: string };
    };
}

export type TemplateParameterValues = Record<string, { value: unknown }>;

/**
 * An ARM template as the request sends it: JSON whose parts the engine checks as it reads them (values are
 * literals or `[expressions]` until evaluated).
 */
export interface ArmTemplate {
    parameters?: Record<string, TemplateParameterDefinition>;
    variables?: Record<string, unknown>;
    resources?: unknown;
    outputs?: Record<string, { type?: unknown; value?: unknown } | null>;
}

export interface TemplateParameterDefinition {
    type?: string;
    defaultValue?: unknown;
    allowedValues?: unknown[];
}

/** One entry of a template's `resources` (nested `resources` flattened away): template values, keyed by property name. */
export type TemplateResourceDefinition = Record<string, unknown>;

/** An output as Azure reports it in `properties.outputs` of a deployment: `{ type: 'String', value }`. */
export interface DeploymentOutput {
    type: string;
    value: unknown;
}

export interface DeploymentResult {
    outputs: Record<string, DeploymentOutput>;
    outputResources: { id: string }[];
}
