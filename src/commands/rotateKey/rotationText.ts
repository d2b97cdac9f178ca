import * as vscode from 'vscode';
import type { EncryptionIdentity } from '../../domain/registries/identity';
import type { EncryptionSnapshot } from '../../domain/rotate/RotationPlan';

/** How an encryption identity reads in prompts and summaries. */
export function identityLabel(identity: EncryptionIdentity | undefined): string {
    switch (identity?.kind) {
        case 'system': return vscode.l10n.t('system-assigned identity');
        case 'user': return vscode.l10n.t('{0} (user-assigned, client ID {1})', identity.name, identity.clientId);
        case 'unassigned': return vscode.l10n.t('client ID {0} — not assigned to the registry', identity.clientId);
        case 'principalIdUsed': return vscode.l10n.t('{0} — principal ID used instead of client ID', identity.name);
        default: return vscode.l10n.t('none');
    }
}

export function snapshotIdentityLabel(snapshot: EncryptionSnapshot): string {
    return snapshot.identity.toLowerCase() === 'system' ? vscode.l10n.t('system-assigned identity') : snapshot.identityName || snapshot.identity;
}

/** "key … (version …), identity …" for before/after lines. */
export function snapshotText(snapshot: EncryptionSnapshot): string {
    return vscode.l10n.t('key {0}, in use {1}, identity {2}', snapshot.keyIdentifier, snapshot.versionedKeyIdentifier ?? snapshot.keyIdentifier, snapshotIdentityLabel(snapshot));
}
