import * as assert from 'node:assert/strict';
import { MemoryStorage, mergeRevocations, StoredRevocations, type RevocationRecord } from '../../../src/domain/revoke/RevocationRecord';

const record = (overrides: Partial<RevocationRecord>): RevocationRecord => ({
    registryId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/Reg1',
    registryName: 'Reg1',
    revokedAt: '2025-01-01T00:00:00.000Z',
    vaultId: 'v',
    keyId: 'k',
    removedGrants: [],
    disabledVersions: [],
    ...overrides,
});

describe('revocation records', () => {
    it('stores one record per registry (case-insensitive id) and forgets it on delete', async () => {
        const store = new StoredRevocations(new MemoryStorage());
        const first = record({ disabledVersions: ['a'] });
        await store.save(first);
        assert.deepEqual(store.get(first.registryId.toLowerCase()), first);
        await store.save(
            record({ registryId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/other', registryName: 'other' }),
        );
        assert.equal(store.list().length, 2);
        await store.delete(first.registryId.toUpperCase());
        assert.equal(store.get(first.registryId), undefined);
        assert.equal(store.list().length, 1);
    });

    it('merges a second revocation into the first without duplicates', () => {
        const policy = { kind: 'accessPolicy' as const, objectId: 'o', permissions: ['get', 'wrapKey', 'unwrapKey'] };
        const role = { kind: 'roleAssignment' as const, id: '/x/roleAssignments/1', roleDefinitionId: 'r', principalId: 'p', scope: 's' };
        const merged = mergeRevocations(
            record({ removedGrants: [policy], disabledVersions: ['v1'] }),
            record({ removedGrants: [policy, role], disabledVersions: ['v1', 'v2'], revokedAt: '2025-02-01T00:00:00.000Z' }),
        );
        assert.deepEqual(merged.removedGrants, [policy, role]);
        assert.deepEqual(merged.disabledVersions, ['v1', 'v2']);
        assert.equal(merged.revokedAt, '2025-02-01T00:00:00.000Z');
        assert.deepEqual(mergeRevocations(undefined, record({})), record({}));
    });
});
