import { randomBytes, randomUUID } from 'node:crypto';
import { DeploymentError, errorBodyOf } from './deploymentError';
import type { DeploymentContext, DeploymentOperationRecord } from './types';

// ARM's deployment operations: one per resource write the deployment performed (failed ones included: that is
// where users find the cause), plus `EvaluateDeploymentOutput` when the template has outputs. Reads
// (reference()) are not operations. Template errors (InvalidTemplate) fail the deployment, not an operation.

const STATUS_NAMES: Record<number, string> = {
    200: 'OK',
    201: 'Created',
    202: 'Accepted',
    204: 'NoContent',
    400: 'BadRequest',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    405: 'MethodNotAllowed',
    409: 'Conflict',
    412: 'PreconditionFailed',
    429: 'TooManyRequests',
    500: 'InternalServerError',
    502: 'BadGateway',
    503: 'ServiceUnavailable',
    504: 'GatewayTimeout',
};

/** .NET's HttpStatusCode names, which ARM reports in `statusCode`. */
export const statusCodeName = (status: number): string => STATUS_NAMES[status] ?? String(status);

/** ISO 8601 duration as ARM (.NET XmlConvert) writes it: `PT0.123S`, `PT1M5.2S`, `PT2H1S`, `PT0S`. */
export function isoDuration(ms: number): string {
    const total = Math.round(Math.max(0, ms)) / 1000;
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = Number((total % 60).toFixed(3));
    const text = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
    return `PT${text || '0S'}`;
}

export type OperationTarget = { id: string; resourceType: string; resourceName: string };

/**
 * Runs one operation and records it in `context.operations` (Running, then Succeeded or Failed). `run` resolves
 * to the HTTP status of the answer; a failure keeps its error in `statusMessage` and is rethrown.
 */
export async function recordOperation(
    context: DeploymentContext,
    kind: 'Create' | 'EvaluateDeploymentOutput',
    target: OperationTarget | undefined,
    run: () => Promise<number>,
): Promise<void> {
    const started = Date.now();
    const record: DeploymentOperationRecord = {
        operationId: randomBytes(8).toString('hex').toUpperCase(),
        properties: {
            provisioningOperation: kind,
            provisioningState: 'Running',
            timestamp: new Date(started).toISOString(),
            duration: 'PT0S',
            trackingId: randomUUID(),
            ...(target ? { targetResource: { ...target } } : {}),
        },
    };
    context.operations?.push(record);
    // serviceRequestId: the id of the provider request that answered, when one did.
    const finish = (state: 'Succeeded' | 'Failed', status: number | undefined): void => {
        Object.assign(record.properties, {
            provisioningState: state,
            timestamp: new Date().toISOString(),
            duration: isoDuration(Date.now() - started),
            ...(status !== undefined ? { serviceRequestId: randomUUID() } : {}),
            statusCode: statusCodeName(status ?? 500),
        });
    };
    try {
        finish('Succeeded', await run());
    } catch (error) {
        if (error instanceof DeploymentError && error.code === 'InvalidTemplate') {
            context.operations?.splice(context.operations.indexOf(record), 1);
        } else {
            finish('Failed', error instanceof DeploymentError ? error.httpStatus : undefined);
            record.properties.statusMessage = { status: 'Failed', error: errorBodyOf(error) };
        }
        throw error;
    }
}
