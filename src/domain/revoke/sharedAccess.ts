import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { isSameKey } from '../keys/keyIdentifier';
import { listRegistriesInSubscription } from '../registries/listRegistries';
import type { CustomerManagedKeyState, RegistrySummary } from '../registries/RegistryEncryption';
import { mapWithConcurrency } from '../util/mapWithConcurrency';
import { principalOf, type EncryptionTarget } from './encryptionTarget';

/** Another registry that loses its key along with the target, and why. */
export interface AffectedRegistry {
    readonly id: string;
    readonly name: string;
    readonly subscriptionId: string;
    /** `sameKeyVersion`: encrypts with the version being disabled; `sameKey`: with the key whose versions are all disabled;
     * `sameIdentity`: reaches the same vault with the identity whose grant is removed. */
    readonly reason: 'sameKeyVersion' | 'sameKey' | 'sameIdentity';
}

export type SharedCut = { readonly kind: 'grant'; readonly principalId: string } | { readonly kind: 'versions'; readonly versions: readonly string[] };

/** The registries of the given subscriptions: one list call per subscription, a few at a time. */
export async function listRegistriesIn(factory: AzureClientFactory, subscriptionIds: readonly string[]): Promise<RegistrySummary[]> {
    return (await mapWithConcurrency([...subscriptionIds], 4, (subscriptionId) => listRegistriesInSubscription(factory, subscriptionId))).flat();
}

/**
 * Every other CMK registry of `registries` that the same cut takes off its key (no request): a removed grant of an
 * identity another registry also uses on that vault, or disabled key versions another registry encrypts with (a
 * versionless registry uses the latest version).
 */
export function affectedRegistries(registries: readonly RegistrySummary[], target: EncryptionTarget, cut: SharedCut, anyVersion = false): AffectedRegistry[] {
    return registries
        .filter((registry) => registry.id.toLowerCase() !== target.registry.id.toLowerCase())
        .flatMap((registry): AffectedRegistry[] => {
            const reason = affectedBy(registry, target, cut, anyVersion);
            return reason ? [{ id: registry.id, name: registry.name, subscriptionId: registry.subscriptionId, reason }] : [];
        })
        .sort((a, b) => a.name.localeCompare(b.name));
}

function affectedBy(registry: RegistrySummary, target: EncryptionTarget, cut: SharedCut, anyVersion: boolean): AffectedRegistry['reason'] | undefined {
    const state = registry.encryption;
    if (state.status !== 'enabled' || !state.key || !sameVault(state, target)) {
        return undefined;
    }
    if (cut.kind === 'grant') {
        return principalOf(state) !== undefined && principalOf(state)?.toLowerCase() === cut.principalId.toLowerCase() ? 'sameIdentity' : undefined;
    }
    if (!isSameKey(state.key, target.key)) {
        return undefined;
    }
    if (anyVersion) {
        return 'sameKey';
    }
    const inUse = state.currentVersion?.toLowerCase();
    if (inUse === undefined) {
        // Unknown version in use: it may be one of those disabled.
        return 'sameKey';
    }
    return cut.versions.some((version) => version.toLowerCase() === inUse) ? (cut.versions.length > 1 ? 'sameKey' : 'sameKeyVersion') : undefined;
}

const sameVault = (state: CustomerManagedKeyState, target: EncryptionTarget) => state.key?.vaultName.toLowerCase() === target.vault.name.toLowerCase();

/** The other registries a restore brought back with the target: those sharing the grant or the key versions it restored. */
export async function findRestoredWith(
    factory: AzureClientFactory,
    target: EncryptionTarget,
    restored: { readonly grants: readonly unknown[]; readonly enabledVersions: readonly string[]; readonly recoveredKey: boolean },
): Promise<AffectedRegistry[]> {
    const cuts: SharedCut[] = [];
    if (restored.grants.length > 0 && target.principalId) {
        cuts.push({ kind: 'grant', principalId: target.principalId });
    }
    if (restored.enabledVersions.length > 0 || restored.recoveredKey) {
        cuts.push({ kind: 'versions', versions: restored.recoveredKey ? [] : restored.enabledVersions });
    }
    const found = new Map<string, AffectedRegistry>();
    for (const cut of cuts) {
        for (const registry of affectedRegistries(await listRegistriesIn(factory, target.subscriptionIds), target, cut, restored.recoveredKey)) {
            found.set(registry.id.toLowerCase(), registry);
        }
    }
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The other CMK registries of the subscriptions that reach a key of the same vault through the same user-assigned
 * identity as `registry`: removing that identity's access to the vault takes them off their keys too.
 */
export async function findRegistriesSharingIdentity(
    factory: AzureClientFactory,
    subscriptionIds: readonly string[],
    registry: RegistrySummary,
): Promise<AffectedRegistry[]> {
    const state = registry.encryption;
    if (state.status !== 'enabled' || state.identity?.kind !== 'user' || !state.key) {
        return [];
    }
    const identityId = state.identity.resourceId.toLowerCase();
    const vaultUrl = state.key.vaultUrl.toLowerCase();
    const listed = await listRegistriesIn(factory, [...new Set([registry.subscriptionId, ...subscriptionIds].map((id) => id.toLowerCase()))]);
    return listed
        .filter(
            (other) =>
                other.id.toLowerCase() !== registry.id.toLowerCase() &&
                other.encryption.status === 'enabled' &&
                other.encryption.identity?.kind === 'user' &&
                other.encryption.identity.resourceId.toLowerCase() === identityId &&
                other.encryption.key?.vaultUrl.toLowerCase() === vaultUrl,
        )
        .map((other): AffectedRegistry => ({ id: other.id, name: other.name, subscriptionId: other.subscriptionId, reason: 'sameIdentity' }))
        .sort((a, b) => a.name.localeCompare(b.name));
}
