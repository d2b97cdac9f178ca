/** How one link of the chain registry → identity → vault → key stands. */
export type FindingStatus = 'ok' | 'info' | 'warning' | 'error' | 'unknown';

/** The links Diagnose checks, in report order. */
export const checkNames = ['identity', 'vault', 'vaultRecovery', 'firewall', 'access', 'key', 'keyEnabled', 'keyExpiry', 'rotation', 'dataAccess'] as const;
export type CheckName = typeof checkNames[number];

/** What was found; the UI turns code + params into a localized explanation. */
export type FindingCode =
    | 'notCmk' | 'keyIdInvalid'
    | 'identityUser' | 'identitySystem' | 'identityNotAssigned' | 'identityInactive' | 'identityDeleted' | 'identityPrincipalIdUsed' | 'systemIdentityDisabled' | 'identityMissing'
    | 'vaultFound' | 'vaultSoftDeleted' | 'vaultMissing' | 'vaultUnreadable'
    | 'vaultRecoveryOk' | 'purgeProtectionOff' | 'softDeleteOff'
    | 'noFirewall' | 'firewallTrustedSystemIdentity' | 'firewallUserIdentity' | 'firewallNoTrustedServices'
    | 'accessPolicyOk' | 'accessPolicyMissing' | 'roleOk' | 'roleMissing' | 'accessUnknownPrincipal' | 'accessUnreadable'
    | 'keyFound' | 'keySoftDeleted' | 'keyMissing' | 'keyUnreadable'
    | 'keyEnabled' | 'keyDisabled'
    | 'keyNoExpiry' | 'keyExpiresLater' | 'keyExpiresSoon' | 'keyExpired' | 'keyNotYetValid'
    | 'versionedManual' | 'versionlessWithPolicy' | 'versionlessNoPolicy' | 'rotationPolicyUnreadable'
    | 'newVersionPending' | 'newVersionNotPickedUp' | 'latestVersionUnreadable'
    | 'dataReadable' | 'dataDenied' | 'dataNotPermitted' | 'dataUnreachable';

/** A one-click fix; ids only, so it can travel as a command argument and be applied later. */
export type KeyAccessFix =
    | { readonly kind: 'grantAccess'; readonly vaultId: string; readonly principalId: string }
    | { readonly kind: 'enableKeyVersion'; readonly keyId: string }
    | { readonly kind: 'recoverKey'; readonly keyId: string }
    | { readonly kind: 'extendKeyExpiry'; readonly keyId: string; readonly expiresOn: string }
    | { readonly kind: 'enablePurgeProtection'; readonly vaultId: string }
    | { readonly kind: 'allowTrustedServices'; readonly vaultId: string }
    | { readonly kind: 'reassignIdentity'; readonly registryId: string }
    | { readonly kind: 'useClientId'; readonly registryId: string }
    | { readonly kind: 'switchToSystemIdentity'; readonly registryId: string };

export interface Finding {
    readonly check: CheckName;
    readonly status: FindingStatus;
    readonly code: FindingCode;
    readonly params: Readonly<Record<string, string>>;
    readonly fix?: KeyAccessFix;
}

export interface RegistryDiagnosis {
    readonly registryId: string;
    readonly registryName: string;
    readonly subscriptionId: string;
    readonly status: FindingStatus;
    readonly findings: readonly Finding[];
}

const severity: Record<FindingStatus, number> = { ok: 0, info: 1, unknown: 2, warning: 3, error: 4 };

export function worstStatus(findings: readonly Pick<Finding, 'status'>[]): FindingStatus {
    return findings.reduce<FindingStatus>((worst, finding) => severity[finding.status] > severity[worst] ? finding.status : worst, 'ok');
}

export function finding(check: CheckName, status: FindingStatus, code: FindingCode, params: Record<string, string> = {}, fix?: KeyAccessFix): Finding {
    return fix ? { check, status, code, params, fix } : { check, status, code, params };
}
