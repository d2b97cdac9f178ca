import type { RegistrySummary } from '../registries/RegistryEncryption';
import { requireCmk } from '../rotate/planRotation';
import { systemIdentityConsent, type RotationRequest } from '../rotate/RotationRequest';

/**
 * The guided path to a firewalled vault: enable the system identity, grant it on the vault, allow trusted
 * services (with consent), then rotate to the key with `system`. Without `keyId` it re-applies the registry's
 * own key with the system identity — the repair for a firewall turned on after the registry was created.
 */
export function firewallPathRequest(
    registry: RegistrySummary,
    options: { keyId?: string; versionless?: boolean; enableTrustedServices: boolean; subscriptionIds?: readonly string[] },
): RotationRequest {
    const state = requireCmk(registry);
    return {
        registryId: registry.id,
        key: { kind: 'existing', keyId: options.keyId ?? state.keyIdentifier },
        versionless: options.versionless ?? state.rotation === 'automatic',
        identity: { kind: 'system' },
        consent: { ...systemIdentityConsent, enableTrustedServices: options.enableTrustedServices },
        subscriptionIds: options.subscriptionIds,
        reapply: options.keyId === undefined,
    };
}
