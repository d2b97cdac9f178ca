import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { ArmResponse, AsyncOperation } from '../types';
import { notFound } from '../errors';
import { lower } from '../ids';
import { armBase, ok, route, rx, SUB, type Route } from './route';

/** What happens when an operation finishes: registries apply (or, on a failure fault, roll back) their change. */
type Completer = (ctx: EmulatorContext, op: AsyncOperation) => void;
const completers: Partial<Record<AsyncOperation['kind'], Completer>> = {};
export const onOperationComplete = (kind: AsyncOperation['kind'], completer: Completer): void => {
    completers[kind] = completer;
};

const FAILED_ERROR = { code: 'InternalServerError', message: 'The operation failed (injected by an emulator fault rule).' };

export function startOperation(
    ctx: EmulatorContext,
    init: Pick<AsyncOperation, 'subscriptionId' | 'location' | 'resourceId' | 'kind' | 'fail' | 'next' | 'previous'>,
    namespace: string,
    apiVersion: string,
): { op: AsyncOperation; headers: Record<string, string> } {
    const op: AsyncOperation = { ...init, id: randomUUID(), pollsRemaining: ctx.lroPolls, status: 'InProgress', startTime: ctx.clock.iso() };
    ctx.world.operations[op.id] = op;
    const base = `${armBase(ctx)}/subscriptions/${op.subscriptionId}/providers/${namespace}/locations/${lower(op.location)}`;
    const q = `?api-version=${encodeURIComponent(apiVersion)}`;
    return {
        op,
        headers: {
            'azure-asyncoperation': `${base}/operationStatuses/${op.id}${q}`,
            location: `${base}/operationResults/${op.id}${q}`,
            'retry-after': '1',
        },
    };
}

/** Finishes an operation now (its change becomes visible). */
export function completeOperation(ctx: EmulatorContext, op: AsyncOperation): void {
    if (op.status !== 'InProgress') return;
    op.status = op.fail ? 'Failed' : 'Succeeded';
    op.endTime = ctx.clock.iso();
    if (op.fail) op.error = FAILED_ERROR;
    completers[op.kind]?.(ctx, op);
    ctx.changed();
}

/** Completes any unfinished operation on a resource (a new change supersedes a never-polled one). */
export function settleOperationsFor(ctx: EmulatorContext, resourceId: string): void {
    for (const op of Object.values(ctx.world.operations)) {
        if (op.status === 'InProgress' && lower(op.resourceId) === lower(resourceId)) completeOperation(ctx, op);
    }
}

export function advance(ctx: EmulatorContext, id: string): AsyncOperation {
    const op = ctx.world.operations[id];
    if (!op) throw notFound('OperationNotFound', `The operation '${id}' was not found.`);
    if (op.status === 'InProgress') {
        if (op.pollsRemaining > 0) op.pollsRemaining--;
        else completeOperation(ctx, op);
    }
    return op;
}

function statusBody(op: AsyncOperation): unknown {
    return {
        id: op.id,
        name: op.id,
        status: op.status,
        startTime: op.startTime,
        ...(op.endTime ? { endTime: op.endTime } : {}),
        ...(op.error ? { error: op.error } : {}),
    };
}

export const operationRoutes: Route[] = [
    route('GET', rx(`${SUB}/providers/(?<ns>[^/]+)/locations/(?<loc>[^/]+)/operationStatuses/(?<id>[^/]+)`), (ctx, _req, p) => {
        const op = advance(ctx, p.id!);
        const headers: Record<string, string> = op.status === 'InProgress' ? { 'retry-after': '1' } : {};
        return { status: 200, body: statusBody(op), headers };
    }),
    route('GET', rx(`${SUB}/providers/(?<ns>[^/]+)/locations/(?<loc>[^/]+)/operationResults/(?<id>[^/]+)`), (ctx, req, p): ArmResponse => {
        const op = advance(ctx, p.id!);
        if (op.status === 'InProgress') {
            return {
                status: 202,
                headers: { location: `${armBase(ctx)}${req.path}?api-version=${encodeURIComponent(req.query['api-version'] ?? '')}`, 'retry-after': '1' },
            };
        }
        if (op.status === 'Failed') return { status: 500, body: { error: op.error } };
        return op.kind === 'delete' ? { status: 200 } : ok(op.next ?? {});
    }),
];
