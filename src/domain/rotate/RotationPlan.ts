import type { GrantRecord } from '../access/GrantRecord';
import type { VaultInfo } from '../access/VaultInfo';
import type { RotationPolicyInput } from '../keys/rotationPolicy';
import type { KeyIdentifier } from '../keys/keyIdentifier';
import type { RegistrySummary } from '../registries/RegistryEncryption';

/** Every step a rotation can take, in execution order (the wizard's execute priorities come from this list). */
export const rotationStepNames = [
    'reassignIdentity',
    'assignIdentity',
    'enableSystemIdentity',
    'grantAccess',
    'enableTrustedServices',
    'grantPolicyRights',
    'createKeyVersion',
    'switchEncryption',
    'setRotationPolicy',
    'removeOldGrant',
] as const;
export type RotationStepName = (typeof rotationStepNames)[number];

/** The identity the registry will use, as far as it is known before any change. */
export type PlannedIdentity =
    | {
          readonly kind: 'user';
          readonly resourceId: string;
          readonly name: string;
          readonly clientId: string;
          readonly principalId: string;
          readonly assigned: boolean;
      }
    /** `principalId` is unknown until the system identity is enabled. */
    | { readonly kind: 'system'; readonly principalId?: string; readonly enabled: boolean };

/** What the registry uses: the value of `keyVaultProperties` as it reads, for before/after summaries. */
export interface EncryptionSnapshot {
    readonly keyIdentifier: string;
    readonly versionedKeyIdentifier?: string;
    /** `system` or the user-assigned identity's client id, as stored. */
    readonly identity: string;
    /** Display name of the identity (identity resource name, or `system`). */
    readonly identityName: string;
}

export interface RotationPlan {
    readonly registry: RegistrySummary;
    readonly before: EncryptionSnapshot;
    readonly vault: VaultInfo;
    /** The target key (vault + name); its version is decided by `createKeyVersion` for a new version. */
    readonly key: KeyIdentifier;
    readonly versionless: boolean;
    readonly identity: PlannedIdentity;
    /** Resource id of the removed encryption identity to re-assign first, when the pitfall was found. */
    readonly reassignIdentityId?: string;
    /** The `keyIdentifier` to switch to when known up front (an existing key); a new version sets it while running. */
    readonly targetKeyId?: string;
    readonly steps: ReadonlySet<RotationStepName>;
    readonly rotationPolicy?: RotationPolicyInput;
    /** The signed-in user's object id and the rotation-policy key permissions it lacks on the vault (`grantPolicyRights`). */
    readonly policyRights?: { readonly objectId: string; readonly missing: readonly string[] };
    /** The previous user-assigned identity's encryption grants on the target vault, removed after the switch. */
    readonly previousIdentityGrants?: readonly GrantRecord[];
}

/** What the steps learnt while running; the next step reads it, and a failure reports `completed`. */
export interface RotationProgress {
    principalId?: string;
    /** `keyVaultProperties.keyIdentifier` the registry is switched to (known once the key version exists). */
    targetKeyId?: string;
    createdVersion?: string;
    after?: RegistrySummary;
    grantCreated?: boolean;
    /** The grant `grantAccess` made (what Clean Up of an interrupted run removes). */
    grant?: GrantRecord;
    /** Rotate All: the grant serves other registries of the run as well, so Clean Up of this one leaves it in place. */
    sharedGrant?: boolean;
    /** The journal of the run (of a Rotate All: the whole run): a key version made by it is tagged with this id, so a restart recognises it. */
    runId?: string;
    readonly completed: RotationStepName[];
}
