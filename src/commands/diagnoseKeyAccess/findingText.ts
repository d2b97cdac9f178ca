import * as vscode from 'vscode';
import {
    identityDeletedText,
    identityMissingText,
    identityNotAssignedText,
    keyIdentifierUnreadableText,
    principalIdUsedText,
    systemIdentityDisabledText,
    thenSentence,
} from '../../l10n/encryptionHealthText';
import { isoDurationText } from '../../l10n/isoDurationText';
import type { CheckName, FindingCode, FindingOf, FindingParams, FindingStatus, KeyAccessFix } from '../../domain/diagnose/Finding';

const checkTitles: Record<CheckName, () => string> = {
    identity: () => vscode.l10n.t('Encryption identity'),
    vault: () => vscode.l10n.t('Key vault'),
    vaultRecovery: () => vscode.l10n.t('Soft delete and purge protection'),
    firewall: () => vscode.l10n.t('Key vault firewall'),
    access: () => vscode.l10n.t('Key permissions'),
    key: () => vscode.l10n.t('Key'),
    keyEnabled: () => vscode.l10n.t('Key enabled'),
    keyExpiry: () => vscode.l10n.t('Key expiry'),
    rotation: () => vscode.l10n.t('Rotation'),
    dataAccess: () => vscode.l10n.t('Registry data access'),
};

export function checkTitle(check: CheckName): string {
    return checkTitles[check]();
}

const statusTexts: Record<FindingStatus, () => string> = {
    ok: () => vscode.l10n.t('OK'),
    info: () => vscode.l10n.t('Info'),
    warning: () => vscode.l10n.t('Warning'),
    error: () => vscode.l10n.t('Problem'),
    unknown: () => vscode.l10n.t('Could not check'),
};

export function statusText(status: FindingStatus): string {
    return statusTexts[status]();
}

// One plain explanation per finding, each reading its code's params (typed in FindingParams); the mapped type makes
// a missing code a compile error.
type Explanations = { readonly [C in FindingCode]: (p: Readonly<FindingParams[C]>) => string };

const explanations: Explanations = {
    notCmk: () => vscode.l10n.t('The registry is encrypted with a service-managed key; there is no customer-managed key to check.'),
    keyIdInvalid: (p) => keyIdentifierUnreadableText(p.keyId),
    identityUser: (p) =>
        vscode.l10n.t(
            'The registry reaches its key with the user-assigned managed identity "{0}" (client ID {1}), which is assigned to it.',
            p.identity,
            p.clientId,
        ),
    identitySystem: (p) => vscode.l10n.t('The registry reaches its key with its system-assigned identity (principal ID {0}).', p.principalId),
    // The fact in the words the tree uses, then what only Diagnose knows: the identity still exists, and until when it works.
    identityNotAssigned: (p) =>
        thenSentence(
            identityNotAssignedText(p.clientId),
            p.until
                ? vscode.l10n.t(
                      'Identity "{0}" still exists, and Azure keeps it working for pushes and pulls for about three months after its removal (at the latest until {1}); then the registry loses its key ("The identity associated with the registry is inactive"). Key updates already fail with "does not have access to identity". Reassign the identity now.',
                      p.identity,
                      p.until,
                  )
                : vscode.l10n.t(
                      'Identity "{0}" still exists, and Azure keeps it working for pushes and pulls for about three months after its removal; then the registry loses its key ("The identity associated with the registry is inactive"). Key updates already fail with "does not have access to identity". Reassign the identity now.',
                      p.identity,
                  ),
        ),
    identityInactive: (p) =>
        thenSentence(
            identityNotAssignedText(p.clientId),
            vscode.l10n.t(
                'Identity "{0}" was removed more than three months ago (before {1}): Azure has made it inactive, so pushes and pulls fail with "The identity associated with the registry is inactive". Reassign the identity.',
                p.identity,
                p.until,
            ),
        ),
    identityDeleted: (p) => thenSentence(identityDeletedText(p.clientId), vscode.l10n.t('Switch the registry to its system-assigned identity.')),
    identityPrincipalIdUsed: (p) => principalIdUsedText(p.principalId, p.identity),
    systemIdentityDisabled: () => systemIdentityDisabledText(),
    identityMissing: () => identityMissingText(),
    vaultFound: (p) => vscode.l10n.t('Key vault "{0}" exists (resource group {1}).', p.vault, p.resourceGroup),
    vaultSoftDeleted: (p) =>
        vscode.l10n.t(
            'Key vault "{0}" was deleted and can still be recovered until {1}: in the Azure portal open Key vaults > Manage deleted vaults, or run "az keyvault recover --name {0} --subscription {2}".',
            p.vault,
            p.purgeDate,
            p.subscriptionId,
        ),
    vaultMissing: (p) => vscode.l10n.t('Key vault "{0}" was not found in the selected subscriptions, not even as a deleted vault.', p.vault),
    vaultUnreadable: (p) => vscode.l10n.t('Key vault "{0}" could not be read: {1}', p.vault, p.reason),
    vaultRecoveryOk: (p) => vscode.l10n.t('Soft delete ({0} days) and purge protection are on: a deleted key or vault can be recovered.', p.days),
    purgeProtectionOff: (p) =>
        vscode.l10n.t('Purge protection is off on key vault "{0}": a deleted key could be purged for good, and the registry\'s data with it.', p.vault),
    softDeleteOff: (p) => vscode.l10n.t('Soft delete is off on key vault "{0}": a deleted key cannot be recovered.', p.vault),
    noFirewall: () => vscode.l10n.t('The key vault accepts requests from all networks.'),
    firewallTrustedSystemIdentity: () =>
        vscode.l10n.t('The key vault firewall allows trusted Microsoft services, and the registry uses its system-assigned identity, which passes as one.'),
    firewallUserIdentity: (p) =>
        vscode.l10n.t(
            'Key vault "{0}" has a firewall, and only a registry\'s system-assigned identity passes it (as a trusted service). The registry uses a user-assigned identity, so it cannot reach its key.',
            p.vault,
        ),
    firewallNoTrustedServices: (p) =>
        vscode.l10n.t('Key vault "{0}" has a firewall that does not allow trusted Microsoft services, so the registry cannot reach its key.', p.vault),
    accessPolicyOk: () => vscode.l10n.t('The identity has the key permissions get, wrapKey and unwrapKey (access policy).'),
    accessPolicyMissing: (p) =>
        vscode.l10n.t(
            'The identity (principal ID {0}) lacks the key permissions get, wrapKey and unwrapKey in the access policies of key vault "{1}".',
            p.principalId,
            p.vault,
        ),
    roleOk: () => vscode.l10n.t('The identity has a role granting key read, wrap and unwrap on the vault (Azure RBAC).'),
    roleMissing: (p) =>
        vscode.l10n.t(
            'The identity (principal ID {0}) has no role granting key read, wrap and unwrap on key vault "{1}" (Azure RBAC): it needs "Key Vault Crypto Service Encryption User".',
            p.principalId,
            p.vault,
        ),
    accessUnknownPrincipal: () => vscode.l10n.t("The identity's principal ID is unknown, so its permissions cannot be checked. Fix the identity first."),
    accessUnreadable: (p) => vscode.l10n.t("The identity's permissions could not be read: {0}", p.reason),
    keyFound: (p) => vscode.l10n.t('Key "{0}" exists; the registry uses version {1}.', p.key, p.version),
    keySoftDeleted: (p) => vscode.l10n.t('Key "{0}" was deleted; it can be recovered until {1}.', p.key, p.purgeDate),
    keyMissing: (p) => vscode.l10n.t('Key "{0}" (or the version in use) does not exist in key vault "{1}", not even as a deleted key.', p.key, p.vault),
    keyUnreadable: (p) => vscode.l10n.t('Key "{0}" could not be read with your account: {1}', p.key, p.reason),
    keyEnabled: (p) => vscode.l10n.t('Key version {0} is enabled.', p.version),
    keyDisabled: (p) => vscode.l10n.t('Key version {0} is disabled: the registry cannot wrap or unwrap with it.', p.version),
    keyNoExpiry: () => vscode.l10n.t('The key version has no expiry date.'),
    keyExpiresLater: (p) => vscode.l10n.t('The key version expires on {0} ({1} days left).', p.date, p.days),
    keyExpiresSoon: (p) => vscode.l10n.t('The key version expires on {0}, in {1} days. After that the registry cannot use it.', p.date, p.days),
    keyExpired: (p) => vscode.l10n.t('The key version expired on {0}: the registry cannot use it.', p.date),
    keyNotYetValid: (p) => vscode.l10n.t('The key version is not valid before {0}.', p.date),
    versionedManual: (p) => vscode.l10n.t('The registry is pinned to key version {0}: rotate it yourself (Rotate Key) when a new version is due.', p.version),
    versionlessWithPolicy: (p) =>
        vscode.l10n.t(
            'The registry follows the latest key version (picked up within an hour), and Key Vault rotates the key automatically ({0}).',
            isoDurationText(p.interval),
        ),
    versionlessNoPolicy: () =>
        vscode.l10n.t(
            'The registry follows the latest key version (picked up within an hour), but the key has no rotation policy: new versions appear only when someone creates them.',
        ),
    rotationPolicyUnreadable: (p) => vscode.l10n.t("The key's rotation policy could not be read: {0}", p.reason),
    latestVersionUnreadable: (p) =>
        vscode.l10n.t('The newest version of key {0} could not be read, so whether the registry has picked it up is unknown: {1}', p.key, p.reason),
    newVersionPending: (p) =>
        vscode.l10n.t(
            'Key version {0} (created {1}) is not yet picked up: the registry still uses version {2}. Azure usually picks up a new version within an hour.',
            p.latest,
            p.created,
            p.current,
        ),
    dataReadable: (p) =>
        p.manifest
            ? vscode.l10n.t(
                  'The registry serves its data: its catalog ({0} repositories) and the manifest of {1} were read just now.',
                  p.repositories,
                  p.manifest,
              )
            : vscode.l10n.t(
                  'The registry serves its data: its catalog ({0} repositories) was read just now; it holds no tagged image to read.',
                  p.repositories,
              ),
    dataDenied: (p) =>
        vscode.l10n.t('The registry refuses to serve its data ({0}): {1} Pulls and pushes fail until the key is usable again.', p.code, p.reason),
    dataNotPermitted: (p) =>
        vscode.l10n.t(
            "The registry's data could not be read with your account ({0}: {1}); a role such as AcrPull on the registry is needed to check it.",
            p.code,
            p.reason,
        ),
    dataUnreachable: (p) => vscode.l10n.t("The registry's data could not be read: {0}", p.reason),
    newVersionNotPickedUp: (p) =>
        vscode.l10n.t(
            "Key version {0} was created {1}, more than an hour ago, and the registry still uses version {2}: its automatic key rotation seems to fail (key permissions, firewall, or a removed identity). Rotate the key by hand to see Azure's error.",
            p.latest,
            p.created,
            p.current,
        ),
};

export function explain<C extends FindingCode>(finding: FindingOf<C>): string {
    const explanation: (p: Readonly<FindingParams[C]>) => string = explanations[finding.code];
    return explanation(finding.params);
}

const fixLabels: { readonly [K in KeyAccessFix['kind']]: (fix: Extract<KeyAccessFix, { kind: K }>) => string } = {
    grantAccess: () => vscode.l10n.t('Grant the identity access to the key vault'),
    enableKeyVersion: () => vscode.l10n.t('Re-enable the key version'),
    recoverKey: () => vscode.l10n.t('Recover the deleted key'),
    extendKeyExpiry: (fix) => vscode.l10n.t("Extend the key version's expiry to {0}", fix.expiresOn.slice(0, 10)),
    enablePurgeProtection: () => vscode.l10n.t('Turn on soft delete and purge protection (cannot be undone)'),
    allowTrustedServices: () => vscode.l10n.t('Allow trusted Microsoft services through the vault firewall'),
    reassignIdentity: () => vscode.l10n.t('Re-assign the identity to the registry'),
    useClientId: () => vscode.l10n.t("Store the identity's client ID instead of its principal ID"),
    switchToSystemIdentity: () => vscode.l10n.t('Switch encryption to the system-assigned identity (enable it, grant it access, allow trusted services)'),
};

export function fixLabel<F extends KeyAccessFix>(fix: F): string {
    return (fixLabels[fix.kind] as (fix: F) => string)(fix);
}

const confirmedKinds: ReadonlySet<KeyAccessFix['kind']> = new Set([
    'enablePurgeProtection',
    'switchToSystemIdentity',
    'reassignIdentity',
    'useClientId',
    'allowTrustedServices',
]);

/** Fixes that change something users cannot take back, or that change the registry itself: asked in a modal first. */
export function fixNeedsConfirmation(fix: KeyAccessFix): boolean {
    return confirmedKinds.has(fix.kind);
}
