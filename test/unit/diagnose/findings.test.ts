import * as assert from 'node:assert/strict';
import type { VaultInfo } from '../../../src/domain/access/VaultInfo';
import { worstStatus } from '../../../src/domain/diagnose/Finding';
import { checkKey, expiryWarningDays } from '../../../src/domain/diagnose/keyChecks';
import { checkFirewall, checkVaultRecovery } from '../../../src/domain/diagnose/vaultChecks';
import type { KeyIdentifier } from '../../../src/domain/keys/keyIdentifier';

const day = 86_400_000;
const now = new Date('2025-06-01T00:00:00Z');
const key: KeyIdentifier = { vaultUrl: 'https://kv-one.vault.azure.net', vaultName: 'kv-one', keyName: 'cmk' };
const version = '0123456789abcdef0123456789abcdef';
const found = (attributes: { enabled?: boolean; expiresOn?: Date; notBefore?: Date }) => ({
    kind: 'found' as const,
    state: { version, keyType: 'RSA', enabled: attributes.enabled ?? true, expiresOn: attributes.expiresOn, notBefore: attributes.notBefore },
});
const vault = (overrides: Partial<VaultInfo> = {}): VaultInfo => ({
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-one',
    name: 'kv-one',
    subscriptionId: 's',
    resourceGroup: 'rg',
    vaultUri: 'https://kv-one.vault.azure.net/',
    tenantId: 't',
    sku: 'standard',
    enableRbacAuthorization: false,
    enableSoftDelete: true,
    enablePurgeProtection: true,
    softDeleteRetentionInDays: 90,
    accessPolicies: [],
    ...overrides,
});

describe('diagnose: key findings', () => {
    it('reports a healthy key as found, enabled, without expiry', () => {
        assert.deepEqual(
            checkKey(found({}), key, 'kv-one', now).map((f) => `${f.check}:${f.status}:${f.code}`),
            ['key:ok:keyFound', 'keyEnabled:ok:keyEnabled', 'keyExpiry:ok:keyNoExpiry'],
        );
    });

    it('offers to re-enable a disabled version (the versioned key id)', () => {
        const disabled = checkKey(found({ enabled: false }), key, 'kv-one', now).find((f) => f.check === 'keyEnabled');
        assert.equal(disabled?.status, 'error');
        assert.deepEqual(disabled?.fix, { kind: 'enableKeyVersion', keyId: `${key.vaultUrl}/keys/cmk/${version}` });
    });

    it('warns within 30 days of expiry, errors after it, and is quiet before', () => {
        const expiry = (offsetMs: number) =>
            checkKey(found({ expiresOn: new Date(now.getTime() + offsetMs) }), key, 'kv-one', now).find((f) => f.check === 'keyExpiry')!;
        assert.equal(expiry(expiryWarningDays * day + day).code, 'keyExpiresLater');
        assert.equal(expiry(expiryWarningDays * day + day).status, 'ok');
        assert.equal(expiry(expiryWarningDays * day).code, 'keyExpiresSoon');
        assert.equal(expiry(expiryWarningDays * day).status, 'warning');
        const lastDay = expiry(day);
        assert.ok(lastDay.code === 'keyExpiresSoon');
        assert.equal(lastDay.params.days, '1');
        const expired = expiry(-1);
        assert.equal(expired.code, 'keyExpired');
        assert.equal(expired.status, 'error');
        assert.equal(expired.fix?.kind, 'extendKeyExpiry');
        assert.ok(expired.fix?.kind === 'extendKeyExpiry' && new Date(expired.fix.expiresOn).getTime() > now.getTime() + 300 * day);
    });

    it('tells a soft-deleted key (recoverable) from a purged one (no fix)', () => {
        const deleted = checkKey({ kind: 'softDeleted', scheduledPurgeDate: new Date('2025-08-01T00:00:00Z') }, key, 'kv-one', now);
        assert.deepEqual(
            deleted.map((f) => [f.code, f.status, f.fix?.kind, f.code === 'keySoftDeleted' ? f.params.purgeDate : undefined]),
            [['keySoftDeleted', 'error', 'recoverKey', '2025-08-01']],
        );
        const missing = checkKey({ kind: 'missing' }, key, 'kv-one', now);
        assert.deepEqual(
            missing.map((f) => [f.code, f.status, f.fix]),
            [['keyMissing', 'error', undefined]],
        );
    });
});

describe('diagnose: vault findings', () => {
    it('asks for purge protection, and soft delete first', () => {
        assert.equal(checkVaultRecovery(vault()).status, 'ok');
        assert.deepEqual(
            [checkVaultRecovery(vault({ enablePurgeProtection: false })).code, checkVaultRecovery(vault({ enablePurgeProtection: false })).status],
            ['purgeProtectionOff', 'warning'],
        );
        assert.deepEqual(
            [checkVaultRecovery(vault({ enableSoftDelete: false })).code, checkVaultRecovery(vault({ enableSoftDelete: false })).fix?.kind],
            ['softDeleteOff', 'enablePurgeProtection'],
        );
    });

    it('matches the firewall against the identity kind and trusted services', () => {
        const firewalled = (bypass: string) => vault({ networkAcls: { defaultAction: 'Deny', bypass, ipRuleCount: 0, virtualNetworkRuleCount: 0 } });
        const system = { kind: 'system' as const, finding: undefined as never };
        const user = { kind: 'user' as const, finding: undefined as never };
        assert.equal(checkFirewall(vault(), user, 'r').code, 'noFirewall');
        assert.equal(checkFirewall(firewalled('AzureServices'), system, 'r').code, 'firewallTrustedSystemIdentity');
        assert.deepEqual(
            [checkFirewall(firewalled('None'), system, 'r').code, checkFirewall(firewalled('None'), system, 'r').fix?.kind],
            ['firewallNoTrustedServices', 'allowTrustedServices'],
        );
        assert.deepEqual(
            [checkFirewall(firewalled('AzureServices'), user, 'r').code, checkFirewall(firewalled('AzureServices'), user, 'r').fix],
            ['firewallUserIdentity', { kind: 'switchToSystemIdentity', registryId: 'r' }],
        );
        assert.equal(checkFirewall(firewalled('None'), user, 'r').fix?.kind, 'switchToSystemIdentity', 'the rotate flow also allows trusted services');
    });

    it("takes the worst status of a registry's findings", () => {
        assert.equal(worstStatus([]), 'ok');
        assert.equal(worstStatus([{ status: 'ok' }, { status: 'info' }]), 'info');
        assert.equal(worstStatus([{ status: 'warning' }, { status: 'unknown' }, { status: 'ok' }]), 'warning');
        assert.equal(worstStatus([{ status: 'warning' }, { status: 'error' }]), 'error');
    });
});
