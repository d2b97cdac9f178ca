import * as vscode from 'vscode';
import type { GrantRecord } from '../../domain/access/GrantRecord';
import type { RevokePlan } from '../../domain/revoke/revokeKeyAccess';

/** What a grant record means, in words. */
export function grantText(grant: GrantRecord, vaultName: string): string {
    switch (grant.kind) {
        case 'accessPolicy': return vscode.l10n.t('access policy key permissions {0} of principal {1} on key vault "{2}"', grant.permissions.join(', '), grant.objectId, vaultName);
        case 'roleAssignment': return vscode.l10n.t('role assignment "Key Vault Crypto Service Encryption User" of principal {0} on key vault "{1}"', grant.principalId, vaultName);
        default: return '';
    }
}

export function versionText(keyName: string, version: string): string {
    return vscode.l10n.t('key "{0}" version {1}', keyName, version);
}

export function describeRevokePlan(plan: RevokePlan): string {
    const items = [
        ...plan.grants.map((grant) => grantText(grant, plan.target.vault.name)),
        ...plan.versions.map((version) => versionText(plan.target.key.keyName, version)),
    ];
    return `${vscode.l10n.t('To be removed or disabled:')}\n${items.map((item) => `• ${item}`).join('\n')}`;
}
