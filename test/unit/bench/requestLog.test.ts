import * as assert from 'node:assert/strict';
import { classify, clientRequests, countByKind, dependentChainLength, peakConcurrency, type LoggedRequest } from '../../../bench/lib/requestLog';

let seq = 0;
function logged(method: string, path: string, startMs: number, durationMs: number): LoggedRequest {
    return { seq: ++seq, time: new Date(Date.UTC(2026, 0, 1) + startMs).toISOString(), method, host: 'localhost:1', path, query: {}, status: 200, durationMs };
}
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';

describe('bench: counting requests from the emulator log', () => {
    it("classifies the tree's requests", () => {
        assert.equal(classify({ method: 'POST', path: '/tenant-id/oauth2/v2.0/token' }), 'token');
        assert.equal(classify({ method: 'GET', path: '/tenant-id/v2.0/.well-known/openid-configuration' }), 'authorityMetadata');
        assert.equal(classify({ method: 'GET', path: '/subscriptions' }), 'subscriptionList');
        assert.equal(classify({ method: 'GET', path: `${SUB}/providers/Microsoft.ContainerRegistry/registries` }), 'registryList');
        assert.equal(
            classify({ method: 'GET', path: `${SUB}/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/reg1` }),
            'other',
            'one registry is not a list',
        );
        assert.equal(classify({ method: 'PUT', path: `${SUB}/providers/Microsoft.ContainerRegistry/registries` }), 'other');
        assert.equal(classify({ method: 'GET', path: `${SUB}/providers/Microsoft.ContainerRegistry/locations/eastus/operationStatuses/abc` }), 'lroPoll');
    });

    it('counts by kind and leaves out the admin API', () => {
        const requests = [
            logged('POST', '/t/oauth2/v2.0/token', 0, 1),
            logged('GET', '/subscriptions', 1, 1),
            logged('GET', `${SUB}/providers/Microsoft.ContainerRegistry/registries`, 2, 1),
            logged('GET', `${SUB}/providers/Microsoft.ContainerRegistry/registries`, 2, 1),
            logged('GET', '/_emulator/requests', 3, 1),
        ];
        const counts = countByKind(clientRequests(requests));
        assert.deepEqual(counts, { token: 1, authorityMetadata: 0, subscriptionList: 1, registryList: 2, lroPoll: 0, other: 0 });
    });

    it('measures the dependent chain: parallel requests count once, sequential ones add up', () => {
        const sequential = [logged('GET', '/a', 0, 100), logged('GET', '/b', 100, 100), logged('GET', '/c', 205, 100)];
        assert.equal(dependentChainLength(sequential), 3);
        const fanOut = [
            logged('GET', '/token', 0, 100),
            logged('GET', '/subs', 100, 100),
            ...Array.from({ length: 50 }, () => logged('GET', '/list', 200, 100)),
        ];
        assert.equal(dependentChainLength(fanOut), 3, 'token → subscriptions → 50 lists in parallel');
        const waves = [
            logged('GET', '/subs', 0, 100),
            ...[0, 1, 2].flatMap((wave) => [logged('GET', '/l', 100 + wave * 100, 100), logged('GET', '/l', 100 + wave * 100, 100)]),
        ];
        assert.equal(dependentChainLength(waves), 4, 'three waves after the subscription list');
        assert.equal(dependentChainLength([]), 0);
    });

    it('finds the peak number of requests in flight', () => {
        const requests = [logged('GET', '/a', 0, 100), logged('GET', '/b', 50, 100), logged('GET', '/c', 100, 100), logged('GET', '/d', 120, 10)];
        assert.equal(peakConcurrency(requests), 3, 'b, c and d overlap; a has ended when c starts');
    });
});
