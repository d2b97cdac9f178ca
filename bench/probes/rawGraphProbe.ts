// Child process: the fleet through Resource Graph with no SDK — one token request, the subscription list, then the
// fleet's two queries (registries, vaults: the same KQL as readFleet) in parallel, each one's first page and then its
// other pages side by side with $skip (as readFleet pages), over keep-alive HTTPS with JSON.parse. What this machine and the emulator allow for that many rows,
// beside the pure network floor.
import { Agent } from 'node:https';
import { registriesQuery, vaultsQuery } from '../../src/domain/fleet/readFleet';
import type { EmulatorEnvironment } from '../../test/emulator';
import { graphIndexer } from '../lib/graphIndex';
import { armToken, httpsRequest } from '../lib/httpsClient';
import { probeMain } from '../lib/probe';
import { elapsedMs } from '../lib/stats';

export interface RawGraphInput {
    environment: EmulatorEnvironment;
    ca: string;
    runs: number;
    expectedRegistries: number;
    graphLagMs: number;
}

interface GraphPage {
    data: unknown[];
    $skipToken?: string;
    totalRecords?: number;
}

probeMain(async (input: RawGraphInput): Promise<number[]> => {
    const env = input.environment;
    const indexer = await graphIndexer(env, input.ca, { lagMs: input.graphLagMs });
    const once = async (): Promise<number> => {
        await indexer.warm();
        const agent = new Agent({ keepAlive: true });
        const start = process.hrtime.bigint();
        const headers = { authorization: `Bearer ${await armToken(env, input.ca)}`, 'content-type': 'application/json' };
        const list = JSON.parse((await httpsRequest(`${env.armEndpoint}subscriptions?api-version=2022-12-01`, { ca: input.ca, headers, agent })).body) as {
            value: { subscriptionId: string }[];
        };
        const subscriptions = list.value.map((subscription) => subscription.subscriptionId);
        const rows = async (query: string): Promise<number> => {
            const send = (skip: number) =>
                httpsRequest(`${env.armEndpoint}providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01`, {
                    ca: input.ca,
                    method: 'POST',
                    headers,
                    agent,
                    body: JSON.stringify({ subscriptions, query, options: { $top: 1000, resultFormat: 'objectArray', ...(skip > 0 ? { $skip: skip } : {}) } }),
                });
            const page = async (skip: number): Promise<GraphPage> => {
                // A kept-alive socket the server closed as it was reused: sent again once, as the SDK's retry policy does
                // (without its backoff). The emulator no longer drops busy connections (test/emulator/index.ts), so
                // this only covers a connection closed when idle.
                const answer = await send(skip).catch((error: NodeJS.ErrnoException) => {
                    if (error.code === 'ECONNRESET') {
                        return send(skip);
                    }
                    throw error;
                });
                if (answer.status !== 200) {
                    throw new Error(`Resource Graph answered ${answer.status}: ${answer.body.slice(0, 300)}`);
                }
                return JSON.parse(answer.body) as GraphPage;
            };
            const first = await page(0);
            const step = first.data.length;
            const skips: number[] = [];
            for (let skip = step; first.$skipToken && step > 0 && skip < (first.totalRecords ?? 0); skip += step) {
                skips.push(skip);
            }
            const others = await Promise.all(skips.map(page));
            return others.reduce((count, other) => count + other.data.length, step);
        };
        const [registries] = await Promise.all([rows(registriesQuery), rows(vaultsQuery)]);
        const ms = elapsedMs(start);
        agent.destroy();
        if (registries !== input.expectedRegistries) {
            throw new Error(`raw listing found ${registries} registries, expected ${input.expectedRegistries}`);
        }
        return ms;
    };
    await once(); // JIT and TLS session cache warm, like the extension's first (unreported) run
    const runs: number[] = [];
    for (let run = 0; run < input.runs; run++) {
        runs.push(await once());
    }
    return runs;
});
