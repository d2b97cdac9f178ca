import type { EmulatorContext } from './context';
import type { HttpReply } from './http';
import { parseIsoDuration, parseIsoInstant } from './clock';
import { applyDueRules } from './timeRules';

const badRequest = (message: string): HttpReply => ({ status: 400, body: { error: { code: 'BadRequest', message } } });

/**
 * `GET /_emulator/clock` → `{now}`; `POST /_emulator/clock {"advance": "PT2H"}` or `{"set": "2027-01-01T00:00:00Z"}`
 * moves the emulator's time forward, applies every rule that fell due on the way, and answers the new time.
 */
export async function clockRoute(ctx: EmulatorContext, method: string, body: { advance?: unknown; set?: unknown } | undefined): Promise<HttpReply> {
    if (method === 'POST') {
        const advance = body?.advance === undefined ? undefined : parseIsoDuration(body.advance);
        const set = body?.set === undefined ? undefined : parseIsoInstant(body.set);
        if ((body?.advance === undefined) === (body?.set === undefined)) {
            return badRequest('Send either {"advance": "<ISO 8601 duration>"} or {"set": "<ISO 8601 time>"}.');
        }
        if (body?.advance !== undefined && advance === undefined) return badRequest(`'${String(body.advance)}' is not an ISO 8601 duration (e.g. PT2H, P90D).`);
        if (body?.set !== undefined && set === undefined) {
            return badRequest(`'${String(body.set)}' is not an ISO 8601 time with a zone (e.g. 2027-01-01T00:00:00Z).`);
        }
        if (set !== undefined && set < ctx.clock.nowMs()) return badRequest(`The emulator's clock only moves forward; it is already ${ctx.clock.iso()}.`);
        if (advance !== undefined) ctx.clock.advance(advance);
        else ctx.clock.set(set!);
        await applyDueRules(ctx);
        ctx.changed();
    }
    return { status: 200, body: { now: ctx.clock.iso() } };
}
