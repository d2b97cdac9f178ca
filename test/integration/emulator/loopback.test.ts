// The emulator's own hardening: it listens on loopback only (read from the kernel's socket table and proved by
// connecting through this machine's other addresses), and its unauthenticated admin API has checks of its own
// besides the bind: a non-loopback caller or a non-local Host header is refused.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { endianness, networkInterfaces } from 'node:os';
import type { RunningEmulator } from '../../emulator/index';
import { createHandler } from '../../emulator/router';
import { admin, startForSuite, tlsOptionsFor } from './harness';

interface AdminReply {
    error?: { code: string; message: string };
}
interface ListeningSocket {
    address: string;
    loopback: boolean;
    port: number;
}

/** One `/proc/net/tcp{,6}` address (`0100007F:1F90`): each 32-bit word is printed in host byte order. */
function decodeAddress(hex: string): { address: string; loopback: boolean; port: number } {
    const [ip = '', port = ''] = hex.split(':');
    const words = ip.match(/.{8}/g) ?? [];
    const bytes = Buffer.concat(
        words.map((w) => {
            const b = Buffer.from(w, 'hex');
            return endianness() === 'LE' ? b.reverse() : b;
        }),
    );
    if (bytes.length === 4) return { address: [...bytes].join('.'), loopback: bytes[0] === 127, port: parseInt(port, 16) };
    const groups = (bytes.toString('hex').match(/.{4}/g) ?? []).join(':');
    const v4Mapped = bytes.subarray(0, 12).equals(Buffer.from('00000000000000000000ffff', 'hex'));
    const loopback = (bytes.subarray(0, 15).every((b) => b === 0) && bytes[15] === 1) || (v4Mapped && bytes[12] === 127);
    return { address: groups, loopback, port: parseInt(port, 16) };
}

/** Listening TCP sockets (state 0A) this process owns, IPv4 and IPv6, from the kernel's own tables. */
function ownListeningSockets(): ListeningSocket[] {
    const ownInodes = new Set<string>();
    for (const fd of readdirSync('/proc/self/fd')) {
        try {
            const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
            if (m) ownInodes.add(m[1]!);
        } catch {
            /* fd closed meanwhile */
        }
    }
    return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
        readFileSync(table, 'utf8')
            .split('\n')
            .slice(1)
            .map((line) => line.trim().split(/\s+/))
            .filter((f) => f[3] === '0A' && ownInodes.has(f[9] ?? ''))
            .map((f) => decodeAddress(f[1]!)),
    );
}

/** This machine's non-loopback addresses (link-local IPv6 with its zone, which a connect needs). */
function externalAddresses(): { host: string; family: string }[] {
    return Object.entries(networkInterfaces()).flatMap(([name, list]) =>
        (list ?? []).filter((a) => !a.internal).map((a) => ({ host: a.family === 'IPv6' && a.scopeid ? `${a.address}%${name}` : a.address, family: a.family })),
    );
}

/** Opens a TCP connection and reports how it went: 'connected' or the error code (bounded by a deadline). */
function tryConnect(host: string, port: number): Promise<string> {
    return new Promise((resolve) => {
        const socket = connect({ host, port });
        const deadline = setTimeout(() => {
            socket.destroy();
            resolve('no answer within 5 s');
        }, 5000);
        socket.once('connect', () => {
            clearTimeout(deadline);
            socket.destroy();
            resolve('connected');
        });
        socket.once('error', (e: NodeJS.ErrnoException) => {
            clearTimeout(deadline);
            resolve(e.code ?? e.message);
        });
    });
}

/**
 * One request with a chosen Host header: plain HTTP to a server of our own (the emulator's handler mounted on another
 * address), or HTTPS to the emulator itself with TLS checked for `localhost` whatever the Host header says.
 */
function send(
    target: { host: string; port: number; ca?: string[] },
    method: string,
    path: string,
    hostHeader: string,
    body?: unknown,
): Promise<{ status: number; body?: AdminReply }> {
    return new Promise((resolve, reject) => {
        const options = { host: target.host, port: target.port, method, path, headers: { host: hostHeader, 'content-type': 'application/json' } };
        const onResponse = (res: IncomingMessage): void => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as AdminReply) : undefined }));
        };
        const req = target.ca ? httpsRequest({ ...options, ca: target.ca, servername: 'localhost' }, onResponse) : httpRequest(options, onResponse);
        req.on('error', reject);
        req.end(body === undefined ? undefined : JSON.stringify(body));
    });
}

describe('emulator: loopback-only bind and admin API checks', function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    before(async () => {
        emu = await startForSuite('loopback');
    });
    afterEach(() => admin(emu, 'DELETE', 'faults'));
    after(() => emu.stop());

    it('the kernel lists its port as listening on loopback addresses only (no 0.0.0.0, no ::)', () => {
        const sockets = ownListeningSockets().filter((s) => s.port === emu.port);
        assert.ok(sockets.length > 0, `no listening socket on port ${emu.port} owned by this process`);
        assert.deepEqual(
            sockets.filter((s) => !s.loopback).map((s) => s.address),
            [],
            `bound to: ${sockets.map((s) => s.address).join(', ')}`,
        );
    });

    it('refuses connections through every non-loopback address of this machine; loopback connects', async function () {
        assert.equal(await tryConnect('127.0.0.1', emu.port), 'connected', 'the loopback control connects');
        const addresses = externalAddresses();
        if (addresses.length === 0) this.skip(); // a machine with loopback only has nothing to try; the socket table test still holds
        for (const { host } of addresses) assert.equal(await tryConnect(host, emu.port), 'ECONNREFUSED', host);
    });

    describe('the admin API, mounted on a non-loopback address (as if the bind were widened)', () => {
        const servers: Server[] = [];
        after(() =>
            Promise.all(
                servers.map(
                    (s) =>
                        new Promise<void>((done) => {
                            s.close(() => done());
                            s.closeAllConnections();
                        }),
                ),
            ),
        );

        it('refuses callers that are not on loopback and changes nothing', async function () {
            // One IPv4 and one global IPv6 address: a connection from this machine to them comes from that same address.
            const targets = ['IPv4', 'IPv6']
                .map((family) => externalAddresses().find((a) => a.family === family && !a.host.includes('%')))
                .filter((a) => a !== undefined);
            if (targets.length === 0) this.skip();
            for (const { host } of targets) {
                const server = createServer(createHandler(emu.context, 0));
                servers.push(server);
                await new Promise<void>((ok, fail) => {
                    server.once('error', fail);
                    server.listen(0, host, () => ok());
                });
                const port = (server.address() as AddressInfo).port;
                const read = await send({ host, port }, 'GET', '/_emulator/state', 'localhost');
                assert.deepEqual([read.status, read.body?.error?.code], [403, 'Forbidden'], host);
                assert.match(read.body?.error?.message ?? '', /loopback callers only/);
                const write = await send({ host, port }, 'POST', '/_emulator/faults', 'localhost', { pathPattern: '.*', action: { drop: true } });
                assert.equal(write.status, 403, host);
            }
            assert.deepEqual((await admin(emu, 'GET', 'faults')).body.rules, [], 'no fault rule was added');
        });
    });

    it('refuses a Host header that is not a local name; accepts localhost names and loopback addresses', async () => {
        // What a browser page whose DNS name was rebound to 127.0.0.1 would send (once its user clicked through the certificate warning).
        const emulator = { host: '127.0.0.1', port: emu.port, ca: tlsOptionsFor(emu).ca };
        for (const host of [`attacker.example:${emu.port}`, `localhost.attacker.example:${emu.port}`, `192.0.2.10:${emu.port}`, 'attacker.example']) {
            const res = await send(emulator, 'POST', '/_emulator/faults', host, { pathPattern: '.*', action: { drop: true } });
            assert.deepEqual([res.status, res.body?.error?.code], [403, 'Forbidden'], host);
            assert.match(res.body?.error?.message ?? '', /local host name only/);
        }
        assert.deepEqual((await admin(emu, 'GET', 'faults')).body.rules, [], 'no fault rule was added');
        for (const host of [`localhost:${emu.port}`, `127.0.0.1:${emu.port}`, `[::1]:${emu.port}`, `management.localhost:${emu.port}`]) {
            assert.equal((await send(emulator, 'GET', '/_emulator/state', host)).status, 200, host);
        }
    });
});
