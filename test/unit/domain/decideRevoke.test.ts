import * as assert from 'node:assert/strict';
import type { VaultInfo } from '../../../src/domain/access/VaultInfo';
import type { AnyDomainError } from '../../../src/domain/errors';
import type { CustomerManagedKeyState, RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import type { EncryptionTarget } from '../../../src/domain/revoke/encryptionTarget';
import { decideRevoke, type RevokeFacts, type RevokeMethod } from '../../../src/domain/revoke/revokeKeyAccess';
import { registry, version } from '../keysView/fleetSamples';

// The revocation decision from facts alone (no emulator, no request): which grants go, which versions are disabled,
// which other registries lose their key with the target, and every refusal. The reads are tested in test/integration/revoke/.

const principal = 'principal-1';
const identity = { kind: 'user', name: 'id-one', clientId: 'c1', principalId: principal, resourceId: '/subscriptions/s1/id-one' } as const;
const vault = { id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-one', name: 'kv-one' } as VaultInfo;

function targetOf(summary: RegistrySummary): EncryptionTarget {
    const state = summary.encryption as CustomerManagedKeyState;
    return { registry: summary, state, key: state.key!, vault, principalId: principal, subscriptionIds: ['s1'] };
}

const target = targetOf(registry('reg', { pinned: true, current: version(1), identity }));
const grant = { kind: 'accessPolicy', objectId: principal, permissions: ['get', 'wrapKey', 'unwrapKey'] } as const;
const removeAccess: RevokeMethod = { kind: 'removeAccess' };
const inUse: RevokeMethod = { kind: 'disableKey', versions: 'inUse' };
const all: RevokeMethod = { kind: 'disableKey', versions: 'all' };
const found = (enabled: boolean) => ({ kind: 'found', state: { version: version(1), enabled, keyType: 'RSA' } }) as const;

// The other registries: one sharing the identity on the same vault, one pinned to version 1, one versionless on the key,
// one pinned to version 2, one on another vault with the same identity, one without a customer-managed key.
const sameIdentity = registry('a-same-identity', { key: 'other', identity });
const sameVersion = registry('b-same-version', { pinned: true, current: version(1) });
const versionless = registry('c-versionless', { current: version(2) });
const otherVersion = registry('d-other-version', { pinned: true, current: version(2) });
const otherVault = registry('e-other-vault', { vault: 'kv-two', identity });
const plain = registry('f-plain', { cmk: false });
const registries = [target.registry, otherVault, versionless, sameIdentity, plain, otherVersion, sameVersion];

const facts = (overrides: Partial<RevokeFacts> = {}): RevokeFacts => ({ target, registries, ...overrides });
const refused = (code: string) => (error: AnyDomainError) => error.code === code;

describe('decideRevoke (pure)', () => {
    describe('remove access', () => {
        it('removes the grants at vault scope; the other registries of that identity on that vault go with it', () => {
            const plan = decideRevoke(facts({ grants: [grant] }), removeAccess);
            assert.deepEqual(plan.grants, [grant]);
            assert.deepEqual(plan.versions, []);
            assert.equal(plan.method, removeAccess);
            assert.deepEqual(plan.affected, [{ id: sameIdentity.id, name: sameIdentity.name, subscriptionId: 's1', reason: 'sameIdentity' }]);
        });

        it('an identity whose principal is unknown is refused', () => {
            assert.throws(
                () => decideRevoke(facts({ target: { ...target, principalId: undefined }, grants: [grant] }), removeAccess),
                refused('EncryptionPrincipalUnknown'),
            );
        });

        it('no grant at vault scope: refused as outside the vault when access comes from elsewhere, else as nothing to remove', () => {
            assert.throws(() => decideRevoke(facts({ grants: [], accessOutsideVault: true }), removeAccess), refused('RevokeGrantOutsideVault'));
            assert.throws(() => decideRevoke(facts({ grants: [], accessOutsideVault: false }), removeAccess), refused('RevokeNothingToRemove'));
        });
    });

    describe('disable the key', () => {
        it('the version in use, when enabled: the registries on that version go with it, not those on another', () => {
            const plan = decideRevoke(facts({ versions: found(true) }), inUse);
            assert.deepEqual(plan.versions, [version(1)]);
            assert.deepEqual(plan.grants, []);
            assert.deepEqual(
                plan.affected.map((affected) => [affected.name, affected.reason]),
                [['b-same-version', 'sameKeyVersion']],
            );
        });

        it('the version in use, already disabled: nothing to remove', () => {
            assert.throws(() => decideRevoke(facts({ versions: found(false) }), inUse), refused('RevokeNothingToRemove'));
        });

        it('the version in use, not in the vault (soft-deleted or gone): KeyNotFound', () => {
            for (const lookup of [{ kind: 'softDeleted' }, { kind: 'missing' }] as const) {
                assert.throws(
                    () => decideRevoke(facts({ versions: lookup }), inUse),
                    (error: AnyDomainError) => error.code === 'KeyNotFound' && error.params.key === 'cmk' && error.params.vault === 'kv-one',
                );
            }
        });

        it('every version: only the enabled ones are disabled; every registry of the key loses it', () => {
            const versions = [
                { version: version(1), enabled: true },
                { version: version(2), enabled: true },
                { version: version(3), enabled: false },
            ];
            const plan = decideRevoke(facts({ versions }), all);
            assert.deepEqual(plan.versions, [version(1), version(2)]);
            assert.deepEqual(
                plan.affected.map((affected) => [affected.name, affected.reason]),
                [
                    ['b-same-version', 'sameKey'],
                    ['c-versionless', 'sameKey'],
                    ['d-other-version', 'sameKey'],
                ],
            );
        });

        it('every version already disabled, or none read: nothing to remove', () => {
            assert.throws(() => decideRevoke(facts({ versions: [{ version: version(1), enabled: false }] }), all), refused('RevokeNothingToRemove'));
            assert.throws(() => decideRevoke(facts({ versions: [] }), all), refused('RevokeNothingToRemove'));
        });

        it('a registry whose version in use is unknown may be on a disabled version: it is listed', () => {
            const unknown = registry('g-unknown', {});
            const state = unknown.encryption as CustomerManagedKeyState;
            const withoutVersion = { ...unknown, encryption: { ...state, currentVersion: undefined } } as RegistrySummary;
            const plan = decideRevoke(facts({ versions: found(true), registries: [withoutVersion] }), inUse);
            assert.deepEqual(
                plan.affected.map((affected) => [affected.name, affected.reason]),
                [['g-unknown', 'sameKey']],
            );
        });
    });
});
