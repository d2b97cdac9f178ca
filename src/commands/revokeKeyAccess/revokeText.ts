import * as vscode from 'vscode';
import type { GrantRecord } from '../../domain/access/GrantRecord';
import type { RevokePlan } from '../../domain/revoke/revokeKeyAccess';
import type { AffectedRegistry } from '../../domain/revoke/sharedAccess';

/** What a grant record means, in words; `who` names its principal (an identity's name) where it is known. */
export function grantText(grant: GrantRecord, vaultName: string, who?: string): string {
    switch (grant.kind) {
        case 'accessPolicy': return vscode.l10n.t('access policy key permissions {0} of {1} on key vault "{2}"', grant.permissions.join(', '), who ?? principalText(grant.objectId), vaultName);
        case 'roleAssignment': return vscode.l10n.t('role assignment "Key Vault Crypto Service Encryption User" of {0} on key vault "{1}"', who ?? principalText(grant.principalId), vaultName);
        default: return '';
    }
}

const principalText = (principalId: string) => vscode.l10n.t('principal {0}', principalId);

/** The registry's encryption identity by name: 'identity "x" (user-assigned)' or 'the system-assigned identity of registry "r"'. */
export function encryptionIdentityText(plan: RevokePlan): string | undefined {
    const identity = plan.target.state.identity;
    switch (identity?.kind) {
        case 'user': return vscode.l10n.t('identity "{0}" (user-assigned)', identity.name);
        case 'principalIdUsed': return vscode.l10n.t('identity "{0}" (user-assigned)', identity.name);
        case 'system': return vscode.l10n.t('the system-assigned identity of registry "{0}"', plan.target.registry.name);
        default: return undefined;
    }
}

/** Another registry the same removal cuts off, and why. */
export function affectedText(affected: AffectedRegistry): string {
    switch (affected.reason) {
        case 'sameKeyVersion': return vscode.l10n.t('registry "{0}" (encrypts with the same key version)', affected.name);
        case 'sameKey': return vscode.l10n.t('registry "{0}" (encrypts with the same key)', affected.name);
        default: return vscode.l10n.t('registry "{0}" (uses the same identity on this key vault)', affected.name);
    }
}

export function versionText(keyName: string, version: string): string {
    return vscode.l10n.t('key "{0}" version {1}', keyName, version);
}

/** What the revocation removes, by name, then every other registry it cuts off. */
export function describeRevokePlan(plan: RevokePlan): string {
    const who = encryptionIdentityText(plan);
    const items = [
        ...plan.grants.map((grant) => grantText(grant, plan.target.vault.name, who)),
        ...plan.versions.map((version) => versionText(plan.target.key.keyName, version)),
    ];
    const lines = [`${vscode.l10n.t('To be removed or disabled:')}\n${items.map((item) => `• ${item}`).join('\n')}`];
    if (plan.affected.length > 0) {
        lines.push(`${vscode.l10n.t('These registries lose access to their key too:')}\n${plan.affected.map((affected) => `• ${affectedText(affected)}`).join('\n')}`);
    }
    return lines.join('\n\n');
}
