import type { EmulatorEnvironment } from '../../test/emulator';
import { armToken, httpsRequest } from './httpsClient';

/**
 * Resource Graph's index exists before anyone queries it; the emulator builds its index on a query (every page when
 * there is no lag: a GET of every registry, vault and identity in the world, about a second at 10 000 registries).
 * That is the emulator's cost, not the client's, so before each measured listing the benchmark:
 * - sets the settings (`lagMs` long enough for one listing: nothing changes during it), which also starts every
 *   caller's quota window afresh (a first listing has the whole quota: 15 requests per 5 s);
 * - builds the index with one query as another service principal (the quota is per principal: the measured one's
 *   window stays whole).
 */
export interface GraphIndexer {
    warm(): Promise<void>;
}

export async function graphIndexer(env: EmulatorEnvironment, ca: string, settings: { lagMs: number }): Promise<GraphIndexer> {
    const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
        const answer = await httpsRequest(url, { ca, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
        if (answer.status < 200 || answer.status > 299) {
            throw new Error(`POST ${new URL(url).pathname} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
        }
        return JSON.parse(answer.body) as Record<string, unknown>;
    };
    const indexer = (await post(`${env.adminEndpoint}principals`, { displayName: 'bench-graph-indexer' })) as { clientId: string; clientSecret: string };
    const token = await armToken({ ...env, clientId: indexer.clientId, clientSecret: indexer.clientSecret }, ca);
    return {
        async warm() {
            await post(`${env.adminEndpoint}resource-graph`, settings);
            await post(
                `${env.armEndpoint}providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01`,
                { query: "Resources | where type =~ 'microsoft.containerregistry/registries' | project id", options: { $top: 1 } },
                { authorization: `Bearer ${token}` },
            );
        },
    };
}
