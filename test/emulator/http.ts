import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One parsed HTTP request, independent of node:http so handlers stay small and testable. */
export interface HttpExchange {
    method: string;
    host: string;
    /** host without port, lower case */ hostname: string;
    path: string;
    query: Record<string, string>;
    headers: IncomingMessage['headers'];
    body: Buffer;
    clientIp: string;
}
export interface HttpReply {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
}

export async function readExchange(req: IncomingMessage): Promise<HttpExchange> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // Clients that join `{endpoint}/{scope}` send `//subscriptions/…`: a URL parser would read that as a host.
    const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/'), 'https://placeholder');
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    const host = (req.headers.host ?? 'localhost').toLowerCase();
    return {
        method: (req.method ?? 'GET').toUpperCase(),
        host,
        hostname: host.replace(/:\d+$/, ''),
        path: decodeURIComponent(url.pathname),
        query,
        headers: req.headers,
        body: Buffer.concat(chunks),
        clientIp: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
    };
}

export function jsonBody(ex: HttpExchange): unknown {
    if (ex.body.length === 0) return undefined;
    try {
        return JSON.parse(ex.body.toString('utf8'));
    } catch {
        return Symbol.for('invalid-json');
    }
}

export function writeReply(res: ServerResponse, reply: HttpReply): void {
    sendReply(res, prepareReply(reply));
}

/** A reply serialized, ready to send: the emulator prepares it while the modelled latency runs. */
export interface PreparedReply {
    status: number;
    headers: Record<string, string>;
    payload?: string | Buffer;
}

export function prepareReply(reply: HttpReply): PreparedReply {
    const headers: Record<string, string> = { 'x-ms-request-id': cryptoRandomId(), ...(reply.headers ?? {}) };
    let payload: string | Buffer | undefined;
    if (reply.body !== undefined) {
        if ((typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) && headers['content-type']) payload = reply.body;
        else {
            payload = JSON.stringify(reply.body);
            headers['content-type'] = 'application/json; charset=utf-8';
        }
    }
    headers['content-length'] = String(payload ? Buffer.byteLength(payload) : 0);
    return { status: reply.status, headers, payload };
}

export function sendReply(res: ServerResponse, prepared: PreparedReply): void {
    res.writeHead(prepared.status, prepared.headers);
    res.end(prepared.payload);
}

// Azure's request ids are GUIDs (recorded Key Vault and Resource Manager traffic); support tickets quote them.
const cryptoRandomId = (): string => randomUUID();
