import * as assert from 'node:assert/strict';
import type { VaultInfo } from '../../../src/domain/access/VaultInfo';
import type { AnyDomainError } from '../../../src/domain/errors';
import type { CustomerManagedKeyState } from '../../../src/domain/registries/RegistryEncryption';
import { decideRestore } from '../../../src/domain/restore/restoreKeyAccess';
import type { EncryptionTarget } from '../../../src/domain/revoke/encryptionTarget';
import type { RevocationRecord } from '../../../src/domain/revoke/RevocationRecord';
import { registry, version } from '../keysView/fleetSamples';

// The restore decision from facts alone (no emulator, no request): the revocation record's grants and versions, or
// what the encryption needs; the soft-deleted key recovered first; a purged key refused. Reads: test/integration/revoke/.

const summary = registry('reg', { pinned: true, current: version(1) });
const state = summary.encryption as CustomerManagedKeyState;
const vault = { id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-one', name: 'kv-one' } as VaultInfo;
const target: EncryptionTarget = { registry: summary, state, key: state.key!, vault, principalId: 'p1', subscriptionIds: ['s1'] };
const record: RevocationRecord = {
    registryId: summary.id,
    registryName: 'reg',
    revokedAt: '2027-01-01T00:00:00.000Z',
    vaultId: vault.id,
    keyId: state.keyIdentifier,
    removedGrants: [{ kind: 'accessPolicy', objectId: 'p1', permissions: ['get', 'wrapKey', 'unwrapKey'] }],
    disabledVersions: [version(1), version(2)],
};

describe('decideRestore (pure)', () => {
    const table = [
        { key: 'found', record, recoverKey: false, grants: record.removedGrants, versions: record.disabledVersions },
        { key: 'softDeleted', record, recoverKey: true, grants: record.removedGrants, versions: record.disabledVersions },
        { key: 'found', record: undefined, recoverKey: false, grants: 'derive', versions: 'inUse' },
        { key: 'softDeleted', record: undefined, recoverKey: true, grants: 'derive', versions: 'inUse' },
    ] as const;
    for (const row of table) {
        it(`key ${row.key}, ${row.record ? 'with' : 'without'} a record: recover ${row.recoverKey}, grants ${row.record ? 'recorded' : 'derived'}`, () => {
            const plan = decideRestore({ target, key: row.key, record: row.record });
            assert.deepEqual(plan, { target, record: row.record, recoverKey: row.recoverKey, grants: row.grants, versions: row.versions });
        });
    }

    it('a purged key cannot be restored, with or without a record', () => {
        for (const withRecord of [record, undefined]) {
            assert.throws(
                () => decideRestore({ target, key: 'missing', record: withRecord }),
                (error: AnyDomainError) => error.code === 'KeyPurged' && error.params.key === 'cmk' && error.params.vault === 'kv-one',
            );
        }
    });
});
