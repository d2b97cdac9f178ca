import { formatKeyIdentifier } from '../keys/keyIdentifier';
import type { RegistrySummary } from '../registries/RegistryEncryption';
import { requireCmk } from '../rotate/planRotation';
import type { RotationConsent, RotationRequest } from '../rotate/RotationRequest';
import type { RotationPolicyInput } from '../keys/rotationPolicy';

/**
 * "Enable Automatic Rotation": the registry's key without version (ACR then follows new versions within an
 * hour), same identity; with a policy, Key Vault also creates those versions on schedule.
 */
export function enableAutoRotationRequest(
    registry: RegistrySummary,
    options: { rotationPolicy?: RotationPolicyInput; consent?: RotationConsent },
): RotationRequest {
    const state = requireCmk(registry);
    return {
        registryId: registry.id,
        key: { kind: 'existing', keyId: formatKeyIdentifier(state.key!, { versionless: true }) },
        versionless: true,
        identity: { kind: 'keep' },
        consent: { grantAccess: true, ...options.consent },
        rotationPolicy: options.rotationPolicy,
    };
}
