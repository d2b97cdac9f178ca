// The emulator's fault rules and request log, from inside the real extension host: what the fault-message tests
// inject and read.
import { callEmulatorAdmin, getEmulatorJson } from '../emulatorState';

export interface FaultRuleInput {
    method?: string;
    pathPattern: string;
    nth?: number;
    times?: number;
    action: { status: number; code: string; message: string; retryAfter?: number } | { lroFail: true };
}
export interface LoggedRequest {
    seq: number;
    time: string;
    method: string;
    path: string;
    status: number;
}

export const addFault = async (rule: FaultRuleInput): Promise<number> => (await callEmulatorAdmin('POST', 'faults', rule)).status;
export const clearFaults = async (): Promise<number> => (await callEmulatorAdmin('DELETE', 'faults')).status;

/** How often each rule matched and fired, in the order they were added. */
export async function faultsFired(): Promise<number[]> {
    return (await getEmulatorJson<{ rules: { fired: number }[] }>('faults')).rules.map((rule) => rule.fired);
}

/** The request log's newest sequence number (asking for entries after the largest one returns none). */
export async function lastRequestSeq(): Promise<number> {
    return (await getEmulatorJson<{ lastSeq: number }>(`requests?since=${Number.MAX_SAFE_INTEGER}`)).lastSeq;
}

export async function requestsSince(seq: number, method: string, pathEnd: string): Promise<LoggedRequest[]> {
    const log = await getEmulatorJson<{ requests: LoggedRequest[] }>(`requests?since=${seq}`);
    return log.requests.filter((r) => r.method === method && r.path.toLowerCase().endsWith(pathEnd.toLowerCase()));
}
