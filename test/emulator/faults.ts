import { randomUUID } from 'node:crypto';
import { badRequest } from './errors';

export type FaultAction = { status: number; code: string; message: string; retryAfter?: number } | { drop: true } | { delayMs: number } | { lroFail: true };
export interface FaultRule {
    id: string;
    method?: string;
    pathPattern: string;
    hostPattern?: string;
    nth?: number;
    probability?: number;
    times?: number;
    action: FaultAction;
    matched: number;
    fired: number;
}

/** A rule as the admin API receives it: JSON, checked by FaultStore.add. */
interface FaultRuleInput {
    method?: string;
    pathPattern?: unknown;
    hostPattern?: string;
    nth?: number;
    probability?: number;
    times?: number;
    action?: Record<string, unknown>;
}

/** Fault injection: each rule matches method + path regex, then fires on its nth match, with a probability, or up to `times`. */
export class FaultStore {
    private rules: (FaultRule & { re: RegExp; hostRe?: RegExp })[] = [];

    add(body: unknown): FaultRule {
        const input = body as FaultRuleInput | undefined;
        if (typeof input?.pathPattern !== 'string') throw badRequest('InvalidFault', 'pathPattern (a regular expression) is required.');
        const a = input.action ?? {};
        const valid = (typeof a.status === 'number' && typeof a.code === 'string') || a.drop === true || typeof a.delayMs === 'number' || a.lroFail === true;
        if (!valid) throw badRequest('InvalidFault', 'action must be {status, code, message, retryAfter?} | {drop: true} | {delayMs} | {lroFail: true}.');
        let re: RegExp;
        let hostRe: RegExp | undefined;
        try {
            re = new RegExp(input.pathPattern, 'i');
            hostRe = input.hostPattern ? new RegExp(input.hostPattern, 'i') : undefined;
        } catch (e) {
            throw badRequest('InvalidFault', (e as Error).message);
        }
        const rule = {
            id: randomUUID(),
            method: input.method,
            pathPattern: input.pathPattern,
            hostPattern: input.hostPattern,
            nth: input.nth,
            probability: input.probability,
            times: input.times,
            action: a as FaultAction,
            matched: 0,
            fired: 0,
            re,
            hostRe,
        };
        this.rules.push(rule);
        return this.describe(rule);
    }

    clear(): void {
        this.rules = [];
    }
    list(): FaultRule[] {
        return this.rules.map((r) => this.describe(r));
    }

    /** The action of the first rule that fires for this request, if any. */
    match(method: string, host: string, path: string): FaultAction | undefined {
        for (const rule of this.rules) {
            if (rule.method && rule.method !== '*' && rule.method.toUpperCase() !== method) continue;
            if (!rule.re.test(path) || (rule.hostRe && !rule.hostRe.test(host))) continue;
            rule.matched++;
            if (rule.nth !== undefined && rule.matched !== rule.nth) continue;
            if (rule.times !== undefined && rule.fired >= rule.times) continue;
            if (rule.probability !== undefined && Math.random() >= rule.probability) continue;
            rule.fired++;
            return rule.action;
        }
        return undefined;
    }

    private describe(r: FaultRule): FaultRule {
        const { id, method, pathPattern, hostPattern, nth, probability, times, action, matched, fired } = r;
        return { id, method, pathPattern, hostPattern, nth, probability, times, action, matched, fired };
    }
}
