// Child process: runs every flow of bench/flows once, timed, reading the emulator's log around each.
import type { EmulatorEnvironment } from '../../test/emulator';
import { connectAsExtension } from '../lib/connect';
import { adminJson } from '../../test/support/adminRequest';
import { probeMain } from '../lib/probe';
import { classify, clientRequests, dependentChainLength, type LoggedRequest } from '../lib/requestLog';
import { elapsedMs } from '../lib/stats';
import { listTreeLikeTheView } from '../lib/treePath';
import { flows } from '../flows';
import type { FlowContext } from '../flows/FlowEntry';

export interface FlowProbeInput {
    environment: EmulatorEnvironment;
    ca: string;
}
export interface FlowRun {
    name: string;
    ms?: number;
    error?: string;
    requests: number;
    dependentChain: number;
    lroOperations: number;
    lroPollRequests: number;
}

type Log = { lastSeq: number; requests: LoggedRequest[] };

/** Requests that belong to the flow: Resource Manager and Key Vault, not sign-in (tokens are cached across flows, and the CLI count leaves login out too). */
export const flowRequests = (requests: LoggedRequest[]) =>
    clientRequests(requests).filter((request) => !['token', 'authorityMetadata'].includes(classify(request)));

/** Distinct long-running operations polled (their status URLs carry the operation id). */
export function lroOperationIds(requests: readonly Pick<LoggedRequest, 'path'>[]): string[] {
    return [
        ...new Set(requests.map((request) => /\/(?:operationStatuses|operationResults)\/([^/?]+)/i.exec(request.path)?.[1]).filter((id): id is string => !!id)),
    ];
}

probeMain(async (input: FlowProbeInput): Promise<FlowRun[]> => {
    const log = (since = 0) => adminJson<Log>(`${input.environment.adminEndpoint}requests?since=${since}`, input.ca);
    const source = await connectAsExtension(input.environment, undefined);
    const tree = await listTreeLikeTheView(source);
    const factory = tree.subscriptions[0]!.factory;
    const registries = tree.registries
        .filter((registry) => registry.encryption.status === 'enabled')
        .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    const context: FlowContext = { factory, subscriptions: tree.subscriptions, registries, shared: new Map() };
    const runs: FlowRun[] = [];
    for (const flow of flows) {
        const prepared = await flow.prepare(context);
        const { lastSeq } = await log();
        const start = process.hrtime.bigint();
        let error: string | undefined;
        try {
            await flow.run(context, prepared);
        } catch (e) {
            error = (e as Error).message;
        }
        const ms = elapsedMs(start);
        const logged = (await log(lastSeq)).requests;
        const requests = flowRequests(logged);
        if (process.env.BENCH_FLOW_TIMELINE) {
            // Sign-in requests too: a gap in the flow's own requests is often a token being fetched.
            const all = clientRequests(logged);
            const t0 = Date.parse(all[0]?.time ?? new Date().toISOString());
            process.stderr.write(
                `${flow.name}\n${all.map((r) => `  +${Date.parse(r.time) - t0} ${r.durationMs}ms ${r.method} ${r.path.replace(/\/subscriptions\/[^/]+/, '').slice(0, 110)} ${r.status}`).join('\n')}\n`,
            );
        }
        const polls = requests.filter((request) => classify(request) === 'lroPoll');
        runs.push({
            name: flow.name,
            ...(error ? { error } : { ms }),
            requests: requests.length,
            dependentChain: dependentChainLength(requests),
            lroOperations: lroOperationIds(polls).length,
            lroPollRequests: polls.length,
        });
    }
    return runs;
});
