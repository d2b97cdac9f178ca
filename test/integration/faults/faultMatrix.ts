import { describeError, type FlowSpec } from './flowSpec';
import { delayMs, type FaultKind } from './faultKinds';
import { startFaultWorld, type FaultWorld } from './faultWorld';
import { firstRequestRule, requestPatterns, type RequestPattern } from './requestPatterns';

export type Outcome = 'recovered' | 'reported' | 'silent' | 'failed';
export interface CaseResult {
    readonly flow: string;
    readonly request: string;
    readonly fault: string;
    readonly outcome: Outcome;
    readonly detail: string;
    readonly durationMs: number;
}

type Attempt = { ok: true; result: unknown } | { ok: false; error: unknown };
const attempt = (run: () => Promise<unknown>): Promise<Attempt> =>
    run().then(
        (result) => ({ ok: true as const, result }),
        (error: unknown) => ({ ok: false as const, error }),
    );

/** Runs the flow once without faults (it must succeed) and returns the requests it sent: the rows of its matrix. */
export async function discoverRequests<T>(w: FaultWorld, flow: FlowSpec<T>): Promise<RequestPattern[]> {
    await w.reset();
    const input = await flow.prepare(w);
    const { lastSeq } = await w.requests();
    const result = await flow.run(w, input);
    const problems = await flow.verify(w, input, result);
    if (problems.length > 0) {
        throw new Error(`${flow.name}: the fault-free run did not do its job: ${problems.join('; ')}`);
    }
    flow.learnBaseline?.(result);
    return requestPatterns((await w.requests(lastSeq)).requests);
}

/**
 * A delayed request ends on the emulator after the client gave up (abandoned when its connection closes, 499, or answered
 * when the delay ends): wait for it before the world is reset.
 */
async function settle(w: FaultWorld, fault: FaultKind): Promise<void> {
    if (!('delayMs' in fault.action)) {
        return;
    }
    const deadline = Date.now() + delayMs + 10000;
    while (!(await w.requests()).requests.some((r) => r.status === 499 || r.durationMs >= delayMs - 50)) {
        if (Date.now() > deadline) {
            throw new Error('the delayed request never completed');
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/** The faulted request was a read, and the flow sent it again later and got an answer. */
async function readAgainSuccessfully(w: FaultWorld, pattern: RequestPattern): Promise<boolean> {
    if (pattern.method !== 'GET') {
        return false;
    }
    // The thing read: the path itself, or the resource whose operation status it is (`…/operationStatuses/{id}`).
    const resource = pattern.pathPattern.replace(/\/operationStatuses\/\[\^\/\]\+\$$/i, '$');
    const path = new RegExp(resource === pattern.pathPattern ? resource : `${resource.slice(0, -1)}(?:/operationStatuses/[^/]+)?$`, 'i');
    const same = (await w.requests()).requests.filter((r) => r.method === 'GET' && r.host.toLowerCase() === pattern.host && path.test(r.path));
    return same.slice(1).some((r) => r.status >= 200 && r.status < 300);
}

/** One cell of the matrix: reset, inject, run, judge; for a non-transient fault also check the state and retry without the fault. */
export async function runCase<T>(w: FaultWorld, flow: FlowSpec<T>, pattern: RequestPattern, fault: FaultKind): Promise<CaseResult> {
    const started = Date.now();
    const result = (outcome: Outcome, detail: string): CaseResult => ({
        flow: flow.name,
        request: pattern.label,
        fault: fault.name,
        outcome,
        detail,
        durationMs: Date.now() - started,
    });
    await w.reset();
    const input = await flow.prepare(w);
    await w.addFault(firstRequestRule(pattern, fault.action));
    const run = await attempt(() => flow.run(w, input));
    await settle(w, fault);
    const reread = await readAgainSuccessfully(w, pattern);
    const fired = await w.faultsFired();
    await w.clearFaults();
    if (fired === 0) {
        return result('failed', 'the fault never fired: this run did not send the request');
    }
    if (fault.transient) {
        if (!run.ok) {
            return result('failed', `not recovered: ${describeError(run.error)}`);
        }
        const problems = await flow.verify(w, input, run.result);
        return problems.length > 0 ? result('failed', `recovered, but ${problems.join('; ')}`) : result('recovered', '');
    }
    if (run.ok) {
        // A failed read of something that exists (an accepted operation's status) is no failure of the thing: a flow
        // that reads it again and gets the truth has recovered. Any other success after a non-transient fault is silent.
        if (reread) {
            const problems = await flow.verify(w, input, run.result);
            return problems.length > 0 ? result('failed', `read again, but ${problems.join('; ')}`) : result('recovered', 'read again after the failed read');
        }
        return result('silent', 'the flow succeeded although the request failed');
    }
    const explained = flow.explain(run.error);
    if (!explained) {
        return result('silent', `unexplained error: ${describeError(run.error)}`);
    }
    const causeNamed =
        fault.markers.some((marker) => (typeof marker === 'string' ? explained.cause.includes(marker) : marker.test(explained.cause))) ||
        (fault.name === '404' && explained.gone === true);
    if (!causeNamed || !explained.step) {
        return result('silent', `step "${explained.step}" without the cause: ${explained.cause}`);
    }
    const stateProblems = await flow.checkState(w, input, run.error);
    if (stateProblems.length > 0) {
        return result('failed', `step ${explained.step}: the state disagrees with the message: ${stateProblems.join('; ')}`);
    }
    const retry = await attempt(() => flow.retry(w, input, run.error));
    if (!retry.ok) {
        return result('failed', `step ${explained.step} reported; the retry failed: ${describeError(retry.error)}`);
    }
    const problems = await flow.verify(w, input, retry.result);
    return problems.length > 0
        ? result('failed', `step ${explained.step} reported; after the retry ${problems.join('; ')}`)
        : result('reported', `step ${explained.step}`);
}

/** The whole row set of one flow, on its own emulator: discover its requests, then every request × every fault. */
export async function runFlowMatrix<T>(flow: FlowSpec<T>, faults: readonly FaultKind[]): Promise<{ results: CaseResult[]; skipped: string[] }> {
    const w = await startFaultWorld();
    try {
        const patterns = await discoverRequests(w, flow);
        const results: CaseResult[] = [];
        const skipped: string[] = [];
        for (const pattern of patterns) {
            for (const fault of faults) {
                const reason = fault.skip(pattern);
                if (reason) {
                    skipped.push(`${flow.name} | ${pattern.label} | ${fault.name}: ${reason}`);
                } else {
                    results.push(await runCase(w, flow, pattern, fault));
                }
            }
        }
        return { results, skipped };
    } finally {
        await w.stop();
    }
}
