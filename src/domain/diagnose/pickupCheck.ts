import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { CustomerManagedKeyState } from '../registries/RegistryEncryption';
import type { DiagnosisCache } from './DiagnosisCache';
import { finding, type Finding } from './Finding';
import { checkKey } from './keyChecks';
import { reasonOf } from './reasonOf';

/** ACR "regularly checks the key vault for a new key version and updates the customer-managed key within one hour". */
export const pickupWithinMs = 60 * 60 * 1000;

/**
 * A registry on a versionless key that is not yet on the key's newest version: normal for up to an hour after that
 * version was made (info), a sign that ACR's automatic rotation fails after that (warning). Nothing when the registry is
 * pinned to a version or already on the newest one. When the newest version cannot be read, says so with the reason
 * (the key check read the version in use, so this read failing is news of its own).
 */
export async function checkPickup(factory: AzureClientFactory, state: CustomerManagedKeyState, cache: DiagnosisCache, now: Date): Promise<Finding | undefined> {
    const key = state.key;
    if (state.rotation !== 'automatic' || !key || key.version || !state.currentVersion) {
        return undefined;
    }
    let latest: Awaited<ReturnType<DiagnosisCache['key']>>;
    try {
        latest = await cache.key(factory, key, undefined);
    } catch (error) {
        return finding('rotation', 'unknown', 'latestVersionUnreadable', { key: key.keyName, reason: reasonOf(error) });
    }
    if (latest.kind !== 'found') {
        // A key gone altogether is the key check's finding; gone only for this read (the version in use was found a
        // moment ago, memoized) is news of its own, worded as the key check would.
        const inUse = await cache.key(factory, key, state.currentVersion).catch(() => undefined);
        return inUse?.kind === 'found' ? checkKey(latest, key, key.vaultName, now)[0] : undefined;
    }
    if (latest.state.version.toLowerCase() === state.currentVersion.toLowerCase()) {
        return undefined;
    }
    const created = latest.state.createdOn;
    const params = { latest: latest.state.version, current: state.currentVersion, created: created?.toISOString() ?? '' };
    return !created || now.getTime() - created.getTime() < pickupWithinMs
        ? finding('rotation', 'info', 'newVersionPending', params)
        : finding('rotation', 'warning', 'newVersionNotPickedUp', params);
}
