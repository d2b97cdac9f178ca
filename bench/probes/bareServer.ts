// Child process: a bare HTTPS server on loopback answering every request with one fixed payload — the baseline the
// emulator's per-request overhead is measured against. Prints `bare ready <port>`; stops on SIGTERM.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

interface BareServerInput {
    certPath: string;
    keyPath: string;
    payload: string;
}

const input = JSON.parse(process.argv[2] ?? '{}') as BareServerInput;
const payload = Buffer.from(input.payload);
let counter = 0;
const server = createServer({ cert: readFileSync(input.certPath), key: readFileSync(input.keyPath) }, (request, response) => {
    request.resume();
    request.on('end', () => {
        // The same headers the emulator sends with a JSON answer.
        response.writeHead(200, {
            'x-ms-request-id': `bare-${++counter}`,
            'content-type': 'application/json; charset=utf-8',
            'content-length': String(payload.length),
        });
        response.end(payload);
    });
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`bare ready ${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
});
