import type { RotationPolicyInput } from '../keys/rotationPolicy';

/** Which key the registry should use next. */
export type KeyChoice =
    /** A new version of the key the registry uses now, created in its vault by the flow. */
    | { readonly kind: 'newVersion' }
    /** An existing key, in the same vault or any other (any subscription); the id may carry a version. */
    | { readonly kind: 'existing'; readonly keyId: string };

/** Which identity the registry should use to reach the key. */
export type IdentityChoice =
    | { readonly kind: 'keep' }
    /** A user-assigned managed identity (resource id); assigned to the registry first when it is not. */
    | { readonly kind: 'user'; readonly resourceId: string }
    /** The registry's system-assigned identity; enabled first when it is not. */
    | { readonly kind: 'system' };

/** The changes a rotation may need besides the switch itself; each one happens only with consent. */
export interface RotationConsent {
    /** Re-assign the encryption identity that was removed from the registry (the "does not have access to identity" pitfall). */
    readonly reassignRemovedIdentity?: boolean;
    /** Assign the chosen user-assigned identity to the registry. */
    readonly assignIdentity?: boolean;
    /** Enable the registry's system-assigned identity. */
    readonly enableSystemIdentity?: boolean;
    /** Grant the identity get/wrapKey/unwrapKey (access policy) or the crypto service encryption role (RBAC vault). */
    readonly grantAccess?: boolean;
    /** Turn on `bypass: AzureServices` on a firewalled vault. */
    readonly enableTrustedServices?: boolean;
    /** Give the signed-in user the key permissions getrotationpolicy/setrotationpolicy the rotation policy needs (access-policy vault). */
    readonly grantPolicyRights?: boolean;
}

export interface RotationRequest {
    readonly registryId: string;
    readonly key: KeyChoice;
    /** Store the key id without version: ACR follows new versions by itself (within an hour). */
    readonly versionless: boolean;
    readonly identity: IdentityChoice;
    readonly consent: RotationConsent;
    /** Also write a Key Vault rotation policy on the target key (automatic rotation). */
    readonly rotationPolicy?: RotationPolicyInput;
    /** PATCH key + identity even when unchanged: re-applying them is how ACR recovers after a vault firewall was turned on. */
    readonly reapply?: boolean;
    /** After the switch, remove the previous user-assigned identity's encryption access to the target vault. */
    readonly removePreviousIdentityAccess?: boolean;
    /** Subscriptions to search for the vault of a key in another vault (default: the registry's). */
    readonly subscriptionIds?: readonly string[];
}

/**
 * What choosing the system-assigned identity agrees to (Use System-Assigned Identity, the firewall path): turning it
 * on and giving it the key access. Written once; the flows add what else they ask.
 */
export const systemIdentityConsent: RotationConsent = { enableSystemIdentity: true, grantAccess: true };
