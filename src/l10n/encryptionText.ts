import * as vscode from 'vscode';
import { expiryDays, type RotationPolicyInput } from '../domain/keys/rotationPolicy';
import type { EncryptionIdentity } from '../domain/registries/identity';
import type { EncryptionSnapshot } from '../domain/rotate/RotationPlan';

/** How an encryption identity reads in prompts and summaries. */
export function identityLabel(identity: EncryptionIdentity | undefined): string {
    switch (identity?.kind) {
        case 'system':
            return vscode.l10n.t('system-assigned identity');
        case 'user':
            return vscode.l10n.t({
                message: '{0} (user-assigned, client ID {1})',
                args: [identity.name, identity.clientId],
                comment: ['{0}: a managed identity name', '{1}: a client ID (GUID)'],
            });
        case 'unassigned':
            return vscode.l10n.t('client ID {0} — not assigned to the registry', identity.clientId);
        case 'principalIdUsed':
            return vscode.l10n.t('{0} — principal ID used instead of client ID', identity.name);
        default:
            return vscode.l10n.t('none');
    }
}

/** Vault, key and version of a key identifier URL, for names-first text (the identifier itself goes on a detail line). */
export function keyParts(keyIdentifier: string): { vault: string; key: string; version?: string } {
    try {
        const url = new URL(keyIdentifier);
        const [, key = '', version] = url.pathname.split('/').filter((part) => part.length > 0);
        return { vault: url.hostname.split('.')[0] ?? '', key, version: version || undefined };
    } catch {
        return { vault: '', key: keyIdentifier };
    }
}

/** A key version as people compare them: its first 8 characters. */
export const shortVersion = (version: string): string => (version.length > 8 ? `${version.slice(0, 8)}…` : version);

/** 'key "k" in key vault "v" (version 1a2b3c4d…)' — or '(versionless, now version …)' for a versionless identifier. */
export function keyText(keyIdentifier: string, versionedKeyIdentifier?: string): string {
    const { vault, key, version } = keyParts(keyIdentifier);
    const inUse = keyParts(versionedKeyIdentifier ?? keyIdentifier).version;
    const versionPart = version
        ? vscode.l10n.t('version {0}', shortVersion(version))
        : inUse
          ? vscode.l10n.t('versionless, now version {0}', shortVersion(inUse))
          : vscode.l10n.t('versionless');
    return vscode.l10n.t({
        message: 'key "{0}" in key vault "{1}" ({2})',
        args: [key, vault, versionPart],
        comment: ['{0}: a key name', '{1}: a key vault name', '{2}: the version, such as "version 1a2b3c4d…" or "versionless"'],
    });
}

/** 'key "k" in key vault "v" (version …), system-assigned identity' for before/after lines. */
export function snapshotText(snapshot: EncryptionSnapshot): string {
    const identity =
        snapshot.identity.toLowerCase() === 'system'
            ? vscode.l10n.t('system-assigned identity')
            : vscode.l10n.t('identity "{0}" (user-assigned)', snapshot.identityName || snapshot.identity);
    return vscode.l10n.t({
        message: '{0}, {1}',
        args: [keyText(snapshot.keyIdentifier, snapshot.versionedKeyIdentifier), identity],
        comment: ['{0}: a key, such as: key "k" in key vault "v" (version 1a2b3c4d…)', '{1}: an identity, such as "system-assigned identity"'],
    });
}

/** The full identifiers behind a snapshot, for a detail line. */
export function snapshotIdentifiers(snapshot: EncryptionSnapshot): string {
    const identity = snapshot.identity.toLowerCase() === 'system' ? 'system' : vscode.l10n.t('client ID {0}', snapshot.identity);
    return [snapshot.versionedKeyIdentifier ?? snapshot.keyIdentifier, identity].join(' · ');
}

/** The rotation policy Enable Automatic Rotation writes (for one registry or all on a key), said in its confirmation. */
export function policyLine(policy: RotationPolicyInput, keyName: string): string {
    return vscode.l10n.t({
        message:
            'Key "{0}" gets a rotation policy: a new version every {1} days, each expiring after {2} days (so a registry is never left on an expired version), a notice {3} days before expiry.',
        args: [keyName, policy.rotateEveryDays, expiryDays(policy.rotateEveryDays), policy.notifyDaysBeforeExpiry],
        comment: ['{0}: a key name', '{1}: a number of days', '{2}: a number of days', '{3}: a number of days'],
    });
}
