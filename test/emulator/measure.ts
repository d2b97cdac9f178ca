// Prints what the emulator costs: seeding time and memory for 10 000 registries, and request latency under
// 100 concurrent requests. Run: `npx tsx --require ./test/support/resolve-localhost.cjs test/emulator/measure.ts [outDir]`.
import { request, Agent } from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from './index';

const outDir = process.argv[2] ?? join(__dirname, '..', '..', 'test-results', 'emulator-measure');

const agent = new Agent({ keepAlive: true, maxSockets: 100 });

function get(url: string, ca: string, token: string): Promise<number> {
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
        const req = request(url, { ca, agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
            res.resume();
            res.on('end', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
        });
        req.on('error', reject);
        req.end();
    });
}

async function main(): Promise<void> {
    // Warm the key pool first so the figure is the seeding itself, not one-time RSA generation.
    await (await startEmulator({ outDir, seed: 'subscriptions=1,registries=1,cmk=1' })).stop();
    const started = Date.now();
    const emu = await startEmulator({ outDir, seed: 'subscriptions=100,registries=10000,cmk=0.3' });
    const seedMs = Date.now() - started;
    global.gc?.();
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    const env = emu.environment;
    const ca = readFileSync(env.caCertPath, 'utf8');
    const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: env.clientId,
        client_secret: env.clientSecret,
        scope: `${env.armAudience}.default`,
    });
    const token = await new Promise<string>((resolve, reject) => {
        const req = request(
            `${env.authority}/${env.tenantId}/oauth2/v2.0/token`,
            { method: 'POST', ca, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
            (res) => {
                let body = '';
                res.on('data', (d: Buffer) => {
                    body += d;
                });
                res.on('end', () => resolve(JSON.parse(body).access_token));
            },
        );
        req.on('error', reject);
        req.end(form.toString());
    });
    const sub = env.subscriptions[0]!.id;
    const registry = Object.values(emu.context.world.registries).find((r) => r.subscriptionId === sub)!;
    const one = `${env.armEndpoint.replace(/\/$/, '')}${registry.id}?api-version=2025-11-01`;
    const list = `${env.armEndpoint}subscriptions/${sub}/resourceGroups/${registry.resourceGroup}/providers/Microsoft.ContainerRegistry/registries?api-version=2025-11-01`;
    const burst = async (url: string): Promise<number[]> => (await Promise.all(Array.from({ length: 100 }, () => get(url, ca, token)))).sort((a, b) => a - b);
    await burst(one); // warm-up: TLS handshakes and JIT
    const gets = await burst(one);
    const lists = await burst(list);
    process.stdout.write(
        `seed 10000 registries (100 subscriptions, 30% CMK): ${seedMs} ms including startup; RSS ${rssMb.toFixed(0)} MB\n` +
            `100 concurrent GET registry: median ${gets[50]!.toFixed(1)} ms, p95 ${gets[95]!.toFixed(1)} ms\n` +
            `100 concurrent list-by-group: median ${lists[50]!.toFixed(1)} ms, p95 ${lists[95]!.toFixed(1)} ms\n`,
    );
    agent.destroy();
    await emu.stop();
}

main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
});
