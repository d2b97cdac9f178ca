import * as assert from 'node:assert/strict';
import { addIsoDuration, parseIsoDuration } from '../../../src/domain/autoRotation/isoDuration';
import { maxNotifyDays, toKeyRotationPolicy, validateRotationPolicy } from '../../../src/domain/keys/rotationPolicy';
import { DomainError } from '../../../src/domain/errors';
import { assignUserIdentityBody, enableSystemIdentityBody, switchEncryptionBody } from '../../../src/domain/rotate/registryPatches';

const code = (c: string) => (error: unknown) => error instanceof DomainError && error.code === c;

describe('rotation policy and ISO 8601 durations', () => {
    it('builds Rotate after N days, Notify M days before an expiry of 2N days (at least 28)', () => {
        assert.deepEqual(toKeyRotationPolicy({ rotateEveryDays: 90, notifyDaysBeforeExpiry: 30 }), {
            expiresIn: 'P180D',
            lifetimeActions: [
                { action: 'Rotate', timeAfterCreate: 'P90D' },
                { action: 'Notify', timeBeforeExpiry: 'P30D' },
            ],
        });
        assert.equal(toKeyRotationPolicy({ rotateEveryDays: 7, notifyDaysBeforeExpiry: 7 }).expiresIn, 'P28D');
        assert.equal(maxNotifyDays(7), 21);
        assert.equal(maxNotifyDays(90), 90);
    });

    it('refuses intervals and notice periods outside the rules', () => {
        assert.throws(() => validateRotationPolicy({ rotateEveryDays: 6, notifyDaysBeforeExpiry: 7 }), code('RotationIntervalInvalid'));
        assert.throws(() => validateRotationPolicy({ rotateEveryDays: 3651, notifyDaysBeforeExpiry: 7 }), code('RotationIntervalInvalid'));
        assert.throws(() => validateRotationPolicy({ rotateEveryDays: 30.5, notifyDaysBeforeExpiry: 7 }), code('RotationIntervalInvalid'));
        assert.throws(() => validateRotationPolicy({ rotateEveryDays: 30, notifyDaysBeforeExpiry: 6 }), code('NotifyBeforeExpiryInvalid'));
        assert.throws(() => validateRotationPolicy({ rotateEveryDays: 30, notifyDaysBeforeExpiry: 31 }), code('NotifyBeforeExpiryInvalid'));
        assert.doesNotThrow(() => validateRotationPolicy({ rotateEveryDays: 30, notifyDaysBeforeExpiry: 30 }));
    });

    it('parses and applies durations', () => {
        assert.deepEqual(parseIsoDuration('P1Y2M3W4DT5H6M7S'), { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 });
        assert.equal(parseIsoDuration('P'), undefined);
        assert.equal(parseIsoDuration('PT'), undefined);
        assert.equal(parseIsoDuration('90D'), undefined);
        const start = new Date('2024-01-31T00:00:00Z');
        assert.equal(addIsoDuration(start, parseIsoDuration('P90D')!).toISOString(), '2024-04-30T00:00:00.000Z');
        assert.equal(addIsoDuration(new Date('2024-03-01T00:00:00Z'), parseIsoDuration('P1M')!).toISOString(), '2024-04-01T00:00:00.000Z');
        assert.equal(addIsoDuration(start, parseIsoDuration('P30D')!, -1).toISOString(), '2024-01-01T00:00:00.000Z');
    });
});

describe('minimal registry PATCH bodies', () => {
    const uai = '/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/a';
    const other = '/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/b';

    it('switches only keyVaultProperties', () => {
        assert.deepEqual(switchEncryptionBody('https://v.vault.azure.net/keys/k', 'system'), {
            encryption: { keyVaultProperties: { keyIdentifier: 'https://v.vault.azure.net/keys/k', identity: 'system' } },
        });
    });

    it('adds a user-assigned identity keeping the system identity and the others (type compared case-insensitively)', () => {
        assert.deepEqual(assignUserIdentityBody({ type: 'systemAssigned, userAssigned' as never, userAssignedIdentities: { [uai]: {} } }, other), {
            identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [uai]: {}, [other]: {} } },
        });
        assert.deepEqual(assignUserIdentityBody(undefined, other), { identity: { type: 'UserAssigned', userAssignedIdentities: { [other]: {} } } });
    });

    it('enables the system identity keeping user-assigned identities', () => {
        assert.deepEqual(enableSystemIdentityBody({ type: 'UserAssigned', userAssignedIdentities: { [uai]: {} } }), {
            identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [uai]: {} } },
        });
        assert.deepEqual(enableSystemIdentityBody({ type: 'None' }), { identity: { type: 'SystemAssigned' } });
    });
});
