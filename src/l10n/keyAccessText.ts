import * as vscode from 'vscode';
import type { GrantRecord } from '../domain/access/GrantRecord';
import type { KeyAccessChange } from '../domain/revoke/revokedItems';

/** What a grant record means, in words; `who` names its principal (an identity's name) where it is known. */
export function grantText(grant: GrantRecord, vaultName: string, who?: string): string {
    switch (grant.kind) {
        case 'accessPolicy':
            return vscode.l10n.t({
                message: 'access policy key permissions {0} of {1} on key vault "{2}"',
                args: [grant.permissions.join(', '), who ?? principalText(grant.objectId), vaultName],
                comment: ['{0}: key permissions, such as get, wrapKey, unwrapKey', '{1}: an identity name, or "principal" and its ID', '{2}: a key vault name'],
            });
        case 'roleAssignment':
            return vscode.l10n.t({
                message: 'role assignment "Key Vault Crypto Service Encryption User" of {0} on key vault "{1}"',
                args: [who ?? principalText(grant.principalId), vaultName],
                comment: ['{0}: an identity name, or "principal" and its ID', '{1}: a key vault name'],
            });
        default:
            return '';
    }
}

const principalText = (principalId: string) => vscode.l10n.t('principal {0}', principalId);

export function versionText(keyName: string, version: string): string {
    return vscode.l10n.t({ message: 'key "{0}" version {1}', args: [keyName, version], comment: ['{0}: a key name', '{1}: a key version'] });
}

/** One change Revoke or Restore made, in words (a failure half-way lists them). */
export function keyAccessChangeText(change: KeyAccessChange): string {
    switch (change.kind) {
        case 'grant':
            return grantText(change.grant, change.vault);
        case 'version':
            return versionText(change.key, change.version);
        case 'recoveredKey':
            return vscode.l10n.t('recovered the deleted key "{0}"', change.key);
    }
}
