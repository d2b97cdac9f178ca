import * as assert from 'node:assert/strict';
import { countFleetRequests, fleetRequestKind, graphThrottled } from '../../../bench/lib/fleetRequests';

describe("bench: the fleet read's requests", () => {
    it('tells sign-in, the subscription list, Resource Graph pages and Resource Manager listings apart', () => {
        assert.equal(fleetRequestKind({ method: 'POST', path: '/tenant/oauth2/v2.0/token' }), 'token');
        assert.equal(fleetRequestKind({ method: 'GET', path: '/tenant/v2.0/.well-known/openid-configuration' }), 'token');
        assert.equal(fleetRequestKind({ method: 'GET', path: '/subscriptions' }), 'subscriptionList');
        assert.equal(fleetRequestKind({ method: 'POST', path: '/providers/Microsoft.ResourceGraph/resources' }), 'graph');
        assert.equal(fleetRequestKind({ method: 'GET', path: '/subscriptions/s/providers/Microsoft.ContainerRegistry/registries' }), 'other');
        assert.equal(fleetRequestKind({ method: 'GET', path: '/subscriptions/s' }), 'other', 'one subscription is not the list');
    });

    it('counts them and the Resource Graph answers that were 429', () => {
        const log = [
            { method: 'POST', path: '/t/oauth2/v2.0/token', status: 200 },
            { method: 'GET', path: '/subscriptions', status: 200 },
            { method: 'POST', path: '/providers/Microsoft.ResourceGraph/resources', status: 200 },
            { method: 'POST', path: '/providers/microsoft.resourcegraph/resources', status: 429 },
            { method: 'GET', path: '/subscriptions/s/providers/Microsoft.KeyVault/vaults', status: 429 },
        ];
        assert.deepEqual(countFleetRequests(log), { token: 1, subscriptionList: 1, graph: 2, other: 1 });
        assert.equal(graphThrottled(log), 1, "a Resource Manager 429 is not Resource Graph's quota");
    });
});
