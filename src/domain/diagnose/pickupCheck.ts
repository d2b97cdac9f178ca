import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { CustomerManagedKeyState } from '../registries/RegistryEncryption';
import type { DiagnosisCache } from './DiagnosisCache';
import { finding, type Finding } from './Finding';

/** ACR "regularly checks the key vault for a new key version and updates the customer-managed key within one hour". */
export const pickupWithinMs = 60 * 60 * 1000;

/**
 * A registry on a versionless key that is not yet on the key's newest version: normal for up to an hour after that
 * version was made (info), a sign that ACR's automatic rotation fails after that (warning). Nothing when the registry is
 * pinned to a version, already on the newest one, or the key cannot be read (the key check reports that).
 */
export async function checkPickup(factory: AzureClientFactory, state: CustomerManagedKeyState, cache: DiagnosisCache, now: Date): Promise<Finding | undefined> {
    const key = state.key;
    if (state.rotation !== 'automatic' || !key || key.version || !state.currentVersion) {
        return undefined;
    }
    const latest = await cache.key(factory, key, undefined).catch(() => undefined);
    if (latest?.kind !== 'found' || latest.state.version.toLowerCase() === state.currentVersion.toLowerCase()) {
        return undefined;
    }
    const created = latest.state.createdOn;
    const params = { latest: latest.state.version, current: state.currentVersion, created: created?.toISOString() ?? '' };
    return !created || now.getTime() - created.getTime() < pickupWithinMs
        ? finding('rotation', 'info', 'newVersionPending', params)
        : finding('rotation', 'warning', 'newVersionNotPickedUp', params);
}
