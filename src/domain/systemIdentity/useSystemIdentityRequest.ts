import type { RegistrySummary } from '../registries/RegistryEncryption';
import { requireCmk } from '../rotate/planRotation';
import { systemIdentityConsent, type RotationConsent, type RotationRequest } from '../rotate/RotationRequest';

/**
 * "Use System-Assigned Identity": the same key (pinned or versionless as it is now), identity `system`. The
 * system identity is enabled and granted on the key's vault before the switch; the previous user-assigned
 * identity's grant is removed afterwards only when asked (the identity itself always stays on the registry).
 */
export function useSystemIdentityRequest(
    registry: RegistrySummary,
    options: { removePreviousIdentityAccess: boolean; consent?: RotationConsent },
): RotationRequest {
    const state = requireCmk(registry);
    return {
        registryId: registry.id,
        key: { kind: 'existing', keyId: state.keyIdentifier },
        versionless: state.rotation === 'automatic',
        identity: { kind: 'system' },
        consent: { ...systemIdentityConsent, ...options.consent },
        removePreviousIdentityAccess: options.removePreviousIdentityAccess,
    };
}
