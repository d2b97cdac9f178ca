// Child process: 100 concurrent keep-alive clients against each target in turn; per-request latency samples.
import { Agent } from 'node:https';
import { httpsRequest } from '../lib/httpsClient';
import { probeMain } from '../lib/probe';
import { elapsedMs } from '../lib/stats';

export interface OverheadTarget {
    name: string;
    url: string;
    headers: Record<string, string>;
}
export interface OverheadInput {
    ca: string;
    targets: OverheadTarget[];
    concurrency: number;
    rounds: number;
    warmupRounds: number;
}
export interface OverheadOutput {
    latencies: Record<string, number[]>;
    roundMedians: Record<string, number[]>;
}

probeMain(async (input: OverheadInput): Promise<OverheadOutput> => {
    const agents = new Map(input.targets.map((target) => [target.name, new Agent({ keepAlive: true, maxSockets: input.concurrency })]));
    const burst = (target: OverheadTarget): Promise<number[]> =>
        Promise.all(
            Array.from({ length: input.concurrency }, async () => {
                const start = process.hrtime.bigint();
                const answer = await httpsRequest(target.url, { ca: input.ca, headers: target.headers, agent: agents.get(target.name) });
                if (answer.status !== 200) {
                    throw new Error(`${target.name} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
                }
                return elapsedMs(start);
            }),
        );
    const latencies: OverheadOutput['latencies'] = {};
    const roundMedians: OverheadOutput['roundMedians'] = {};
    for (let round = 0; round < input.warmupRounds + input.rounds; round++) {
        for (const target of input.targets) {
            // alternating targets: machine noise hits both alike
            const samples = await burst(target);
            if (round < input.warmupRounds) {
                continue;
            } // TLS handshakes, JIT
            (latencies[target.name] ??= []).push(...samples);
            const sorted = [...samples].sort((a, b) => a - b);
            (roundMedians[target.name] ??= []).push(sorted[Math.floor(sorted.length / 2)]!);
        }
    }
    for (const agent of agents.values()) {
        agent.destroy();
    }
    return { latencies, roundMedians };
});
