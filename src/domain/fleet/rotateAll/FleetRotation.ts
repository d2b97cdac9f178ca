import type { VaultInfo } from '../../access/VaultInfo';
import type { RotationPolicyInput } from '../../keys/rotationPolicy';
import type { KeyIdentifier } from '../../keys/keyIdentifier';
import type { RegistrySummary } from '../../registries/RegistryEncryption';
import type { RotationPlan } from '../../rotate/RotationPlan';
import type { RotationResult } from '../../rotate/runRotation';

/** Where every registry using a key goes: a new version of that key (created once for all), or another key. */
export type FleetTarget = { readonly kind: 'newVersion' } | { readonly kind: 'existing'; readonly keyId: string };

export type FleetRegistryRef = Pick<RegistrySummary, 'id' | 'name'>;

export interface FleetRotationRequest {
    /** The key the registries use now (vault URL, vault name, key name; no version). */
    readonly key: KeyIdentifier;
    readonly registries: readonly FleetRegistryRef[];
    readonly target: FleetTarget;
    readonly versionless: boolean;
    /** Where to look for the target key's vault (the selected subscriptions). */
    readonly subscriptionIds: readonly string[];
    /** Enable Automatic Rotation for all: the Key Vault rotation policy written once on the target key, before any switch. */
    readonly rotationPolicy?: RotationPolicyInput;
}

/** One registry in the plan shown before anything changes. */
export type FleetEntry =
    /** It changes: the plan's steps (grant, switch) run for it. */
    | { readonly kind: 'change'; readonly registry: FleetRegistryRef; readonly plan: RotationPlan }
    /** Versionless on this key already: it picks up the new version by itself (within an hour), nothing to change. */
    | { readonly kind: 'picksUp'; readonly registry: FleetRegistryRef }
    /** Already on the target key with its identity: nothing to change. */
    | { readonly kind: 'unchanged'; readonly registry: FleetRegistryRef }
    /** Left alone: its planning refused (no rights, firewall, removed identity, a change Rotate All does not make, a read failed). */
    | { readonly kind: 'refused'; readonly registry: FleetRegistryRef; readonly error: unknown };

/** An identity that gets encryption access to a vault before the switches: once, however many registries share it. */
export interface FleetGrant {
    readonly vault: VaultInfo;
    readonly principalId: string;
    /** `system` or the user-assigned identity's name. */
    readonly identityName: string;
    readonly registries: readonly FleetRegistryRef[];
}

/** Enable Automatic Rotation for all: the policy's key vault, and the key permissions the signed-in user gets first when lacking them. */
export interface FleetPolicyPlan {
    readonly vault: VaultInfo;
    readonly userRights?: { readonly objectId: string; readonly missing: readonly string[] };
}

export interface FleetRotationPlan {
    readonly request: FleetRotationRequest;
    readonly entries: readonly FleetEntry[];
    readonly grants: readonly FleetGrant[];
    readonly policy?: FleetPolicyPlan;
}

/** What happened to one registry. */
export type FleetOutcome =
    | { readonly kind: 'switched'; readonly registry: FleetRegistryRef; readonly result: RotationResult }
    | { readonly kind: 'picksUp' | 'unchanged'; readonly registry: FleetRegistryRef }
    /** `failed`: left on its old key, the error says what happened (a grant or the switch failed). */
    | { readonly kind: 'refused' | 'failed'; readonly registry: FleetRegistryRef; readonly error: unknown };

export interface FleetRotationResult {
    readonly outcomes: readonly FleetOutcome[];
    /** The version created for all of them (target `newVersion`). */
    readonly createdVersion?: string;
}
