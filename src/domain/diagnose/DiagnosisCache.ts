import { hasEncryptionAccess } from '../access/encryptionAccess';
import { lookUpVault, type VaultLookup } from '../access/getVault';
import { lookUpKey, readRotationPolicy, type KeyLookup } from '../access/keyState';
import type { VaultInfo } from '../access/VaultInfo';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { uniqueIds } from '../util/uniqueIds';
import type { KeyIdentifier } from '../keys/keyIdentifier';
import { findUserIdentityByClientId, type UserIdentityInfo } from '../azure/userIdentities';

export type { VaultLookup };

/**
 * One Diagnose run's memory: registries that share a vault, key, version or identity ask Azure once. Each entry
 * holds the promise, so registries diagnosed at the same time wait for the same request instead of repeating it.
 * Failures are cached too (the same call would fail the same way within one run).
 */
export class DiagnosisCache {
    private readonly entries = new Map<string, Promise<unknown>>();

    constructor(readonly subscriptionIds: readonly string[]) {}

    /** `nearSubscriptionId` is searched first: a registry's vault is usually in its own subscription. */
    vault(factory: AzureClientFactory, keyId: string, vaultName: string, nearSubscriptionId?: string): Promise<VaultLookup> {
        const subscriptionIds = uniqueIds([...(nearSubscriptionId ? [nearSubscriptionId] : []), ...this.subscriptionIds]);
        return this.memo(`vault|${vaultName.toLowerCase()}`, () => lookUpVault(factory, subscriptionIds, keyId));
    }

    key(factory: AzureClientFactory, key: KeyIdentifier, version: string | undefined): Promise<KeyLookup> {
        return this.memo(`key|${key.vaultUrl.toLowerCase()}|${key.keyName.toLowerCase()}|${(version ?? '').toLowerCase()}`, () =>
            lookUpKey(factory, key, version),
        );
    }

    rotationPolicy(factory: AzureClientFactory, key: KeyIdentifier): ReturnType<typeof readRotationPolicy> {
        return this.memo(`rotation|${key.vaultUrl.toLowerCase()}|${key.keyName.toLowerCase()}`, () => readRotationPolicy(factory, key));
    }

    encryptionAccess(factory: AzureClientFactory, vault: VaultInfo, principalId: string): Promise<boolean> {
        return this.memo(`access|${vault.id.toLowerCase()}|${principalId.toLowerCase()}`, () => hasEncryptionAccess(factory, vault, principalId));
    }

    identityByClientId(factory: AzureClientFactory, clientId: string): Promise<UserIdentityInfo | undefined> {
        return this.memo(`identity|${clientId.toLowerCase()}`, () => findUserIdentityByClientId(factory, this.subscriptionIds, clientId));
    }

    private memo<T>(key: string, load: () => Promise<T>): Promise<T> {
        let entry = this.entries.get(key) as Promise<T> | undefined;
        if (!entry) {
            entry = load();
            this.entries.set(key, entry);
        }
        return entry;
    }
}
