/**
 * Structured errors of the domain layer. The domain never speaks to the user: the UI edge turns
 * `code` + `params` into a localized message (src/l10n/domainErrorMessage.ts), and tests assert on `code`.
 */
export type DomainErrorCode =
    | 'KeyIdEmpty'
    | 'KeyIdNotUrl'
    | 'KeyIdNotHttps'
    | 'KeyIdHasQueryOrFragment'
    | 'KeyIdOtherCloud'
    | 'KeyIdNotVaultHost'
    | 'KeyIdInvalidVaultName'
    | 'KeyIdNotKeyPath'
    | 'KeyIdMissingKeyName'
    | 'KeyIdInvalidKeyName'
    | 'KeyIdInvalidVersion'
    | 'ResourceIdInvalid'
    | 'CloudSettingInvalidUrl'
    | 'CloudSettingMissing'
    | 'CloudUnknown'
    | 'CloudNotVSCodeAccountCloud'
    | 'CaCertificateUnreadable'
    | 'CaCertificateNotPem'
    | 'EnvironmentCredentialMissing'
    | 'RegistryNotFound'
    // Access layer and create-encrypted-registry flow
    | 'VaultNotFound'
    | 'VaultNotFoundForKey'
    | 'CallerObjectIdUnavailable'
    | 'RegistryNameLength'
    | 'RegistryNameCharacters'
    | 'RegistryNameTaken'
    | 'IdentityNameLength'
    | 'IdentityNameCharacters'
    | 'VaultNameLength'
    | 'VaultNameCharacters'
    | 'VaultNameStart'
    | 'VaultNameHyphens'
    | 'VaultNameTaken'
    | 'ResourceGroupNameLength'
    | 'ResourceGroupNameCharacters'
    | 'ResourceGroupNameEndsWithPeriod'
    | 'KeyNameInvalid'
    | 'KeySizeInvalid'
    | 'SoftDeleteRetentionInvalid'
    | 'RegistrySkuNotPremium'
    | 'VaultPurgeProtectionDeclined'
    | 'VaultFirewallBlocksUserIdentity'
    | 'HsmKeyNeedsPremiumVault'
    | 'KeyNotFound'
    | 'KeyDisabled'
    | 'CreateStepFailed'
    | 'TemplateNotJson'
    | 'TemplateNotArm'
    | 'DeploymentFailed'
    | 'IdentityNameTaken'
    | 'KeyNameTaken'
    // Rotate key, system identity, automatic rotation, firewall flows
    | 'RegistryNotCmk'
    | 'RotationNoChange'
    | 'PlanStale'
    | 'VaultHasNoKeys'
    | 'SubscriptionHasNoVaults'
    | 'SubscriptionNotAvailable'
    | 'RegistryNotVisible'
    | 'NoSubscriptions'
    | 'RegistryHasNoKeyIdentifier'
    | 'RegistryHasNoVersionedKeyId'
    | 'RegistryHasNoEncryptionIdentity'
    | 'SubscriptionNotSelected'
    | 'PlanStaleKey'
    | 'PlanStaleAccess'
    | 'CleanUpAfterSwitch'
    | 'EncryptionIdentityRemoved'
    | 'EncryptionIdentityDeleted'
    | 'UserIdentityNotFound'
    | 'FirewallNeedsSystemIdentity'
    | 'FirewallNeedsTrustedServices'
    | 'KeyTypeNotSupported'
    | 'RotationChangeDeclined'
    | 'SystemIdentityNotEnabled'
    | 'RotationStepFailed'
    | 'RotationStepFailedStateUnknown'
    | 'RotationFollowUpFailed'
    | 'RotationIntervalInvalid'
    | 'NotifyBeforeExpiryInvalid'
    // Revoke, restore and diagnose key access
    | 'RevokeNothingToRemove'
    | 'RevokeGrantOutsideVault'
    | 'RevokeConfirmationMismatch'
    | 'RevokeStepFailed'
    | 'RestoreStepFailed'
    | 'EncryptionPrincipalUnknown'
    | 'VaultSoftDeleted'
    | 'KeyPurged'
    // Any flow: a read before the first change failed
    | 'CheckBeforeChangeFailed'
    // Any flow: the signed-in account's roles do not allow the change
    | 'ChangeNotPermitted'
    // Fleet (Keys view)
    | 'NoKeysInUse'
    | 'FleetRotationNothingToDo'
    // Key usage audit (Key Vault AuditEvent logs to Log Analytics)
    | 'AuditWorkspaceNotFound'
    | 'AuditSettingFailed'
    | 'AuditNoWorkspaces'
    // Connection problems the SDK reports vaguely (custom clouds, private CAs)
    | 'ServerCertificateUntrusted'
    | 'AuthorityEndpointsUnreachable';

export type DomainErrorParams = Readonly<Record<string, string>>;

export class DomainError extends Error {
    constructor(readonly code: DomainErrorCode, readonly params: DomainErrorParams = {}) {
        // The English-ish message only serves logs and stack traces; users see the localized text.
        super(`${code}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`);
        this.name = 'DomainError';
    }
}

export function isDomainError(error: unknown): error is DomainError {
    return error instanceof DomainError;
}
