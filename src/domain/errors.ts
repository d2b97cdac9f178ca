/**
 * Structured errors of the domain layer. The domain never speaks to the user: the UI edge turns
 * `code` + `params` into a localized message (src/l10n/domainErrorMessage.ts), and tests assert on `code`.
 *
 * Each code's params are declared once, in `DomainErrorParams`: `new DomainError('RegistryNotFound', { registry })`
 * fails to compile without `resourceGroup`, and the UI reads typed params (no `?? ''`). Lists stay arrays; the UI
 * joins them with a localized separator.
 */
import type { KeyAccessChange } from './revoke/revokedItems';
import type { RotationStepName } from './rotate/RotationPlan';

/** A code without params. */
type NoParams = Record<string, never>;

export interface DomainErrorParams {
    KeyIdEmpty: NoParams;
    KeyIdNotUrl: { keyId: string };
    KeyIdNotHttps: { keyId: string };
    KeyIdHasQueryOrFragment: { keyId: string };
    KeyIdOtherCloud: { keyId: string; host: string; cloud: string; expectedSuffix: string };
    KeyIdNotVaultHost: { keyId: string; host: string; expectedSuffix: string };
    KeyIdInvalidVaultName: { keyId: string; vaultName: string };
    KeyIdNotKeyPath: { keyId: string };
    KeyIdMissingKeyName: { keyId: string };
    KeyIdInvalidKeyName: { keyId: string; keyName: string };
    KeyIdInvalidVersion: { keyId: string; version: string };
    ResourceIdInvalid: { id: string };
    CloudSettingInvalidUrl: { setting: string; value: string };
    CloudSettingMissing: { setting: string };
    CloudUnknown: { cloud: string };
    CloudNotVSCodeAccountCloud: { cloud: string; accountCloud: string };
    CaCertificateUnreadable: { path: string; reason: string };
    CaCertificateNotPem: { path: string };
    EnvironmentCredentialMissing: { variable: string };
    RegistryNotFound: { registry: string; resourceGroup: string };
    // Access layer and create-encrypted-registry flow
    VaultNotFound: { vault: string; resourceGroup: string };
    VaultNotFoundForKey: { keyId: string; vault: string };
    CallerObjectIdUnavailable: NoParams;
    RegistryNameLength: { name: string; length: string };
    RegistryNameCharacters: { name: string };
    RegistryNameTaken: { name: string; reason: string };
    IdentityNameLength: { name: string };
    IdentityNameCharacters: { name: string };
    VaultNameLength: { name: string };
    VaultNameCharacters: { name: string };
    VaultNameStart: { name: string };
    VaultNameHyphens: { name: string };
    VaultNameTaken: { name: string; reason: string };
    ResourceGroupNameLength: { name: string };
    ResourceGroupNameCharacters: { name: string };
    ResourceGroupNameEndsWithPeriod: { name: string };
    KeyNameInvalid: { name: string };
    KeySizeInvalid: { size: string };
    SoftDeleteRetentionInvalid: { value: string };
    RegistrySkuNotPremium: { sku: string };
    VaultPurgeProtectionDeclined: { vault: string };
    VaultFirewallBlocksUserIdentity: { vault: string };
    HsmKeyNeedsPremiumVault: { vault: string };
    KeyNotFound: { key: string; vault: string };
    KeyDisabled: { keyId: string };
    /** `step`: a create step id (src/domain/create/CreatePlan.ts); `code`, `message`: Azure's. */
    CreateStepFailed: { step: string; code: string; message: string };
    /** `line`, `column`: where the parser stopped, when it says. */
    TemplateNotJson: { file: string; line?: string; column?: string };
    TemplateNotArm: { file: string };
    DeploymentFailed: { deployment: string; code: string; message: string };
    IdentityNameTaken: { name: string; resourceGroup: string };
    KeyNameTaken: { key: string; vault: string };
    // Rotate key, system identity, automatic rotation, firewall flows
    RegistryNotCmk: { registry: string };
    RotationNoChange: { registry: string };
    /** `planned`, `found`: the encryption then and now; `by`, `at`: who changed it and when ('' when Azure does not say). */
    PlanStale: { registry: string; step: RotationStepName; planned: string; found: string; by: string; at: string };
    VaultHasNoKeys: { vault: string };
    SubscriptionHasNoVaults: { subscription: string };
    SubscriptionNotAvailable: { subscription: string };
    /** `subscription`: its display name. */
    SubscriptionHasNoRegistries: { subscription: string };
    SubscriptionHasNoCmkRegistries: { subscription: string };
    RegistryNotVisible: { id: string };
    NoSubscriptions: NoParams;
    RegistryHasNoKeyIdentifier: { registry: string };
    RegistryHasNoVersionedKeyId: { registry: string };
    RegistryHasNoEncryptionIdentity: { registry: string };
    SubscriptionNotSelected: { subscription: string; registry: string };
    PlanStaleKey: { registry: string; key: string; vault: string; state: 'disabled' | 'expired' | 'softDeleted' | 'missing' };
    /** `identity`: the user-assigned identity's name, or 'system'. */
    PlanStaleAccess: { registry: string; identity: string; vault: string };
    CleanUpAfterSwitch: { registry: string };
    EncryptionIdentityRemoved: { registry: string; clientId: string };
    EncryptionIdentityDeleted: { registry: string; clientId: string };
    /** Keeping the identity of a customer-managed-key registry that names none: there is nothing to keep. */
    EncryptionIdentityMissing: { registry: string };
    UserIdentityNotFound: { identity: string };
    FirewallNeedsSystemIdentity: { vault: string; registry: string };
    FirewallNeedsTrustedServices: { vault: string };
    KeyTypeNotSupported: { keyId: string; keyType: string };
    /** The grantAccess step names the identity ('system' or a name) and the vault. */
    RotationChangeDeclined: { registry: string } & RotationChangeDeclinedStep;
    SystemIdentityNotEnabled: { registry: string };
    RotationStepFailed: {
        step: RotationStepName;
        registry: string;
        cause: string;
        completed: readonly RotationStepName[];
        keptKey: string;
        keptIdentity: string;
    };
    RotationStepFailedStateUnknown: { step: RotationStepName; registry: string; cause: string; readError: string; completed: readonly RotationStepName[] };
    RotationFollowUpFailed: { step: RotationStepName; registry: string; cause: string; newKey: string; newIdentity: string };
    RotationIntervalInvalid: { days: string };
    NotifyBeforeExpiryInvalid: { days: string; maxDays: string };
    // Revoke, restore and diagnose key access
    RevokeNothingToRemove: { registry: string; vault: string };
    RevokeGrantOutsideVault: { registry: string; vault: string };
    RevokeConfirmationMismatch: { typed: string; registry: string };
    /** `done`: what was revoked before the failure, one item each. */
    RevokeStepFailed: { registry: string; cause: string; done: readonly KeyAccessChange[] };
    /** `done`: what was restored before the failure, one item each. */
    RestoreStepFailed: { registry: string; cause: string; done: readonly KeyAccessChange[] };
    EncryptionPrincipalUnknown: { registry: string };
    VaultSoftDeleted: { vault: string; location: string; purgeDate: string; subscriptionId: string };
    KeyPurged: { key: string; vault: string };
    // Any flow: a read before the first change failed
    CheckBeforeChangeFailed: { step: string; cause: string };
    // Any flow: the signed-in account's roles do not allow the change
    ChangeNotPermitted: { kind: 'resourceGroup' | 'registry' | 'vault'; name: string; action: string; scope: string };
    // Fleet (Keys view)
    NoKeysInUse: NoParams;
    /** `refused`: how many registries were left out. */
    FleetRotationNothingToDo: { key: string; refused: string };
    // Key usage audit (Key Vault AuditEvent logs to Log Analytics)
    AuditWorkspaceNotFound: { workspace: string };
    AuditSettingFailed: { vault: string; workspace: string; cause: string };
    AuditNoWorkspaces: { subscription: string };
    // Connection problems the SDK reports vaguely (custom clouds, private CAs)
    ServerCertificateUntrusted: { host: string; reason: string };
    AuthorityEndpointsUnreachable: { reason: string };
}

/** The change a rotation needs and was not allowed to make: the step, and for a grant whose and where. */
export type RotationChangeDeclinedStep = { step: 'grantAccess'; identity: string; vault: string } | { step: Exclude<RotationStepName, 'grantAccess'> };

export type DomainErrorCode = keyof DomainErrorParams;

/** The params argument: optional for a code without params, required otherwise. */
export type ParamsArgument<C extends DomainErrorCode> = DomainErrorParams[C] extends NoParams ? [params?: NoParams] : [params: DomainErrorParams[C]];

export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
    readonly params: Readonly<DomainErrorParams[C]>;

    constructor(
        readonly code: C,
        ...[params]: ParamsArgument<C>
    ) {
        // The English-ish message only serves logs and stack traces; users see the localized text.
        super(`${code}${params && Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`);
        this.name = 'DomainError';
        this.params = (params ?? {}) as DomainErrorParams[C];
    }
}

/** Any domain error, as a union over the codes: checking `code` narrows `params` to that code's. */
export type AnyDomainError = { [C in DomainErrorCode]: DomainError<C> }[DomainErrorCode];

export function isDomainError(error: unknown): error is AnyDomainError;
export function isDomainError<C extends DomainErrorCode>(error: unknown, code: C): error is DomainError<C>;
export function isDomainError(error: unknown, code?: DomainErrorCode): boolean {
    return error instanceof DomainError && (code === undefined || error.code === code);
}
