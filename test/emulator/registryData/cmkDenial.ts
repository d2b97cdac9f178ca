import type { Registry } from '../types';
import { OciError } from './ociErrors';

// Nothing public shows ACR's data-plane answer for a registry that cannot use its customer-managed key. The closest
// documented texts are used (see test/emulator/README.md, "Registry data plane"): HTTP 403 with the troubleshooting
// article's identity-expiry message when the encryption identity is gone, else ACR's CMK key-access message
// (azure-docs#61015), under the distribution spec's 403 code DENIED. `detail` carries the vault's own reason.
const IDENTITY_GONE = /^(?:403 )?(IdentityInactive|IdentityNotAssociatedWithRegistry|IdentityNotFound|InvalidEncryptionIdentity)\b/;
export const IDENTITY_INACTIVE =
    'The identity associated with the registry is inactive. This could be due to attempted removal of the identity. Reassign the identity manually';

export function cmkDenied(registry: Registry, reason: string): OciError {
    const kvp = registry.encryption.keyVaultProperties;
    if (IDENTITY_GONE.test(reason)) return new OciError(403, 'DENIED', IDENTITY_INACTIVE, reason);
    const kid = kvp?.versionedKeyIdentifier ?? kvp?.keyIdentifier ?? '';
    return new OciError(
        403,
        'DENIED',
        `Failed to access KeyId '${kid}'. Verify that identity '${kvp?.identity ?? ''}' has 'Get, Wrap Key, Unwrap Key' permission on key '${kid}'. For more information on bring your own key, please visit 'https://aka.ms/acr/cmk'.`,
        reason,
    );
}
