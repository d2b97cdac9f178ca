// Child process: the same tree with no SDK — one token request, the subscription list, every subscription's list
// pages in parallel over keep-alive HTTPS, JSON.parse of each page. What this machine and the emulator allow for
// 10 000 registries' worth of JSON, beside the pure network floor.
import { Agent } from 'node:https';
import type { EmulatorEnvironment } from '../../test/emulator';
import { armToken, httpsRequest } from '../lib/httpsClient';
import { probeMain } from '../lib/probe';
import { elapsedMs } from '../lib/stats';

export interface RawTreeInput {
    environment: EmulatorEnvironment;
    ca: string;
    runs: number;
    expectedRegistries: number;
}

interface Page {
    value: unknown[];
    nextLink?: string;
}

probeMain(async (input: RawTreeInput): Promise<number[]> => {
    const env = input.environment;
    const once = async (): Promise<number> => {
        const agent = new Agent({ keepAlive: true });
        const start = process.hrtime.bigint();
        const headers = { authorization: `Bearer ${await armToken(env, input.ca)}` };
        const get = async (url: string): Promise<Page> => JSON.parse((await httpsRequest(url, { ca: input.ca, headers, agent })).body) as Page;
        const subscriptions = (await get(`${env.armEndpoint}subscriptions?api-version=2022-12-01`)).value as { subscriptionId: string }[];
        const counts = await Promise.all(
            subscriptions.map(async ({ subscriptionId }) => {
                let count = 0;
                for (
                    let url: string | undefined =
                        `${env.armEndpoint}subscriptions/${subscriptionId}/providers/Microsoft.ContainerRegistry/registries?api-version=2025-11-01`;
                    url;
                ) {
                    const page = await get(url);
                    count += page.value.length;
                    url = page.nextLink;
                }
                return count;
            }),
        );
        const ms = elapsedMs(start);
        agent.destroy();
        const total = counts.reduce((sum, n) => sum + n, 0);
        if (total !== input.expectedRegistries) {
            throw new Error(`raw listing found ${total} registries, expected ${input.expectedRegistries}`);
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
