// The emulator's fault rules and request log, from inside the real extension host (the admin API the runner
// names in E2E_EMULATOR_ADMIN, trusted through E2E_EMULATOR_CA): what the fault-message tests inject and read.
import * as fs from 'node:fs';
import * as https from 'node:https';
import { getEmulatorJson } from '../emulatorState';

export interface FaultRuleInput {
    method?: string; pathPattern: string; nth?: number; times?: number;
    action: { status: number; code: string; message: string; retryAfter?: number } | { lroFail: true };
}
export interface LoggedRequest { seq: number; time: string; method: string; path: string; status: number }

function send(method: 'POST' | 'DELETE', relativePath: string, body?: unknown): Promise<number> {
    const admin = process.env.E2E_EMULATOR_ADMIN;
    const caPath = process.env.E2E_EMULATOR_CA;
    if (!admin || !caPath) {
        throw new Error('E2E_EMULATOR_ADMIN / E2E_EMULATOR_CA are not set: run through test/runner/e2e.mjs');
    }
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
        const request = https.request(new URL(relativePath, admin), { method, ca: fs.readFileSync(caPath), headers: payload ? { 'content-type': 'application/json' } : {} }, (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => (response.statusCode ?? 0) < 300 ? resolve(response.statusCode ?? 0) : reject(new Error(`${method} ${relativePath} → ${response.statusCode}: ${text.slice(0, 200)}`)));
        });
        request.on('error', reject);
        request.end(payload);
    });
}

export const addFault = (rule: FaultRuleInput): Promise<number> => send('POST', 'faults', rule);
export const clearFaults = (): Promise<number> => send('DELETE', 'faults');

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
