import * as assert from 'node:assert/strict';
import { identityInUse, registriesUsingIdentity } from '../../../src/keysView/identityUsers';
import { registry, userIdentity } from './fleetSamples';

describe('Keys view: which registries use an identity', () => {
    const shared = userIdentity('id-shared', 'client-shared');
    // Azure also returns the same id with lower-case `resourcegroups`: the same identity.
    const sharedLowerCase = { ...shared, resourceId: shared.resourceId.replace('resourceGroups', 'resourcegroups').toLowerCase() } as typeof shared;
    const fleet = [
        registry('zeta', { subscription: 's2', identity: sharedLowerCase, vault: 'kv-two', key: 'other' }),
        registry('alpha', { identity: shared }),
        registry('beta', { identity: userIdentity('id-own', 'client-own') }),
        registry('gamma', { identity: { kind: 'unassigned', clientId: 'CLIENT-SHARED' } }),
        registry('delta', { identity: { kind: 'principalIdUsed', principalId: 'p-1', resourceId: shared.resourceId, name: 'id-shared' } }),
        registry('sys', { identity: { kind: 'system', principalId: 'p-sys' } }),
        registry('sys2', { identity: { kind: 'system', principalId: 'p-sys2' } }),
        registry('plain', { cmk: false }),
    ];

    it('a user-assigned identity: every registry of every subscription that uses it by resource id (any case) or by its client id once removed', () => {
        const wanted = identityInUse(fleet[1]!)!;
        assert.deepEqual(wanted, { kind: 'user', resourceId: shared.resourceId, name: 'id-shared', clientId: 'client-shared' });
        const users = registriesUsingIdentity(fleet, wanted);
        assert.deepEqual(
            users.map((user) => user.registry.name),
            ['alpha', 'delta', 'gamma', 'zeta'],
        );
        assert.deepEqual(
            users.map((user) => `${user.encryption.key?.vaultName}/${user.encryption.key?.keyName}`),
            ['kv-one/cmk', 'kv-one/cmk', 'kv-one/cmk', 'kv-two/other'],
            'each with the key it reaches',
        );
    });

    it('an identity no longer assigned (only its client id is known): the registries that still name that client id', () => {
        const wanted = identityInUse(fleet[3]!)!;
        assert.deepEqual(wanted, { kind: 'clientId', clientId: 'CLIENT-SHARED' });
        assert.deepEqual(
            registriesUsingIdentity(fleet, wanted).map((user) => user.registry.name),
            ['alpha', 'gamma', 'zeta'],
        );
    });

    it('a system-assigned identity belongs to its registry: only that registry, never another system-assigned one', () => {
        const wanted = identityInUse(fleet[5]!)!;
        assert.equal(wanted.kind, 'system');
        assert.deepEqual(
            registriesUsingIdentity(fleet, wanted).map((user) => user.registry.name),
            ['sys'],
        );
    });

    it("a fresher reading of a registry (what the view shows after a flow) replaces the fleet's, which lags", () => {
        const wanted = identityInUse(fleet[1]!)!;
        const betaNowShared = registry('beta', { identity: shared });
        const alphaNowSystem = registry('alpha', { identity: { kind: 'system' } });
        assert.deepEqual(
            registriesUsingIdentity(fleet, wanted, [betaNowShared, alphaNowSystem]).map((user) => user.registry.name),
            ['beta', 'delta', 'gamma', 'zeta'],
        );
    });

    it('a registry without a customer-managed key, or without an encryption identity, has no identity in use', () => {
        assert.equal(identityInUse(fleet[7]!), undefined);
        const noIdentity = registry('none');
        assert.equal(
            identityInUse({ ...noIdentity, encryption: { ...noIdentity.encryption, identity: undefined } as typeof noIdentity.encryption }),
            undefined,
        );
    });
});
