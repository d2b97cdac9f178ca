/** How one link of the chain registry → identity → vault → key stands. */
export type FindingStatus = 'ok' | 'info' | 'warning' | 'error' | 'unknown';

/** The links Diagnose checks, in report order. */
export const checkNames = ['identity', 'vault', 'vaultRecovery', 'firewall', 'access', 'key', 'keyEnabled', 'keyExpiry', 'rotation', 'dataAccess'] as const;
export type CheckName = (typeof checkNames)[number];

/** A finding without params. */
type NoParams = Record<string, never>;

/**
 * What was found, and the params each finding carries; the UI turns code + params into a localized explanation
 * (src/commands/diagnoseKeyAccess/findingText.ts). A '' value means Azure did not say (no date, no manifest).
 */
export interface FindingParams {
    notCmk: NoParams;
    keyIdInvalid: { keyId: string };
    identityUser: { identity: string; clientId: string };
    identitySystem: { principalId: string };
    /** `until`: the latest day the removed identity still works ('' when the removal time is unknown). */
    identityNotAssigned: { identity: string; clientId: string; until: string };
    identityInactive: { identity: string; clientId: string; until: string };
    identityDeleted: { clientId: string };
    identityPrincipalIdUsed: { identity: string; principalId: string };
    systemIdentityDisabled: NoParams;
    identityMissing: NoParams;
    vaultFound: { vault: string; resourceGroup: string };
    vaultSoftDeleted: { vault: string; location: string; subscriptionId: string; purgeDate: string };
    vaultMissing: { vault: string };
    vaultUnreadable: { vault: string; reason: string };
    vaultRecoveryOk: { vault: string; days: string };
    purgeProtectionOff: { vault: string };
    softDeleteOff: { vault: string };
    noFirewall: { vault: string };
    firewallTrustedSystemIdentity: { vault: string };
    firewallUserIdentity: { vault: string };
    firewallNoTrustedServices: { vault: string };
    accessPolicyOk: { vault: string; principalId: string };
    accessPolicyMissing: { vault: string; principalId: string };
    roleOk: { vault: string; principalId: string };
    roleMissing: { vault: string; principalId: string };
    accessUnknownPrincipal: { vault: string; principalId: string };
    accessUnreadable: { vault: string; principalId: string; reason: string };
    keyFound: { key: string; vault: string; version: string };
    keySoftDeleted: { key: string; vault: string; purgeDate: string };
    keyMissing: { key: string; vault: string };
    keyUnreadable: { key: string; vault: string; reason: string };
    keyEnabled: { version: string };
    keyDisabled: { version: string };
    keyNoExpiry: NoParams;
    keyExpiresLater: { date: string; days: string };
    keyExpiresSoon: { date: string; days: string };
    keyExpired: { date: string; days: string };
    keyNotYetValid: { date: string };
    versionedManual: { version: string };
    /** `interval`: the policy's ISO 8601 duration. */
    versionlessWithPolicy: { interval: string };
    versionlessNoPolicy: NoParams;
    rotationPolicyUnreadable: { reason: string };
    newVersionPending: { latest: string; current: string; created: string };
    newVersionNotPickedUp: { latest: string; current: string; created: string };
    latestVersionUnreadable: { key: string; reason: string };
    /** `manifest`: repository:reference of the manifest read ('' when the registry holds no tagged image). */
    dataReadable: { repositories: string; manifest: string };
    dataDenied: { code: string; reason: string };
    dataNotPermitted: { code: string; reason: string };
    dataUnreachable: { reason: string };
}

export type FindingCode = keyof FindingParams;

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

/** One finding of one code; `Finding` is the union over the codes, so checking `code` narrows `params`. */
export interface FindingOf<C extends FindingCode> {
    readonly check: CheckName;
    readonly status: FindingStatus;
    readonly code: C;
    readonly params: Readonly<FindingParams[C]>;
    readonly fix?: KeyAccessFix;
}

export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];

export interface RegistryDiagnosis {
    readonly registryId: string;
    readonly registryName: string;
    readonly subscriptionId: string;
    readonly status: FindingStatus;
    readonly findings: readonly Finding[];
}

const severity: Record<FindingStatus, number> = { ok: 0, info: 1, unknown: 2, warning: 3, error: 4 };

export function worstStatus(findings: readonly Pick<Finding, 'status'>[]): FindingStatus {
    return findings.reduce<FindingStatus>((worst, finding) => (severity[finding.status] > severity[worst] ? finding.status : worst), 'ok');
}

/** The params (optional for a code without any) and the fix, if there is one. */
type FindingArguments<C extends FindingCode> = FindingParams[C] extends NoParams
    ? [params?: NoParams, fix?: KeyAccessFix]
    : [params: FindingParams[C], fix?: KeyAccessFix];

export function finding<C extends FindingCode>(check: CheckName, status: FindingStatus, code: C, ...[params, fix]: FindingArguments<C>): FindingOf<C> {
    const carried = (params ?? {}) as FindingParams[C];
    return fix ? { check, status, code, params: carried, fix } : { check, status, code, params: carried };
}
