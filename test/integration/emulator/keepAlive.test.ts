import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { RunningEmulator } from '../../emulator/index';
import { configureGraph } from '../../emulator/graph/resourceGraph';
import { armToken, startForSuite } from './harness';

// Kept-alive connections survive a large answer followed at once by a request with a large body (a Resource Graph
// page of every column, then the next page's request naming 1 000 subscriptions): Node's HTTP server over TLS dropped
// such a connection ("Parse Error: Paused"), the client saw "socket hang up" and the Azure SDK retried after a second.
// With the benchmarks' 100 ms latency and two clients' loops side by side, about a third of these requests were
// dropped before test/emulator/index.ts gave each TLS connection a 'data' listener.
describe('emulator: kept-alive connections under large answers and large request bodies', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    before(async () => {
        emu = await startForSuite('keep-alive', { seed: 'subscriptions=2,registries=300,cmk=0.5', latencyMs: 100 });
    });
    after(() => emu.stop());

    it('answers every request on its connection, none dropped', async () => {
        configureGraph(emu.context, { quota: 1000 });
        const subscriptions = [...emu.environment.subscriptions.map((s) => s.id), ...Array.from({ length: 1000 }, () => randomUUID())];
        const body = JSON.stringify({ subscriptions, query: 'Resources | project id, name, type, sku, identity, properties', options: { $top: 1000 } });
        const probe = {
            url: `${emu.environment.armEndpoint}providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01`,
            token: await armToken(emu),
            ca: readFileSync(emu.environment.caCertPath, 'utf8'),
            body,
            requests: 40,
        };
        const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, 'keepAliveClient.cjs'), JSON.stringify(probe)], {
            maxBuffer: 1 << 20,
        });
        const { largest, ...result } = JSON.parse(stdout.trim().split('\n').pop()!) as { answers: number; resets: number; statuses: number[]; largest: number };
        assert.ok(Buffer.byteLength(body) > 32_000, 'the request body spans several TLS records');
        assert.ok(largest > 256_000, `the answers are large (${largest} bytes)`);
        assert.deepEqual(result, { answers: 80, resets: 0, statuses: [200] });
    });
});
