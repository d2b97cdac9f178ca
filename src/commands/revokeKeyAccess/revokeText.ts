import * as vscode from 'vscode';
import type { RevokePlan } from '../../domain/revoke/revokeKeyAccess';
import type { AffectedRegistry } from '../../domain/revoke/sharedAccess';
import { grantText, versionText } from '../../l10n/keyAccessText';

/** The registry's encryption identity by name: 'identity "x" (user-assigned)' or 'the system-assigned identity of registry "r"'. */
function encryptionIdentityText(plan: RevokePlan): string | undefined {
    const identity = plan.target.state.identity;
    switch (identity?.kind) {
        case 'user':
        case 'principalIdUsed':
            return vscode.l10n.t('identity "{0}" (user-assigned)', identity.name);
        case 'system':
            return vscode.l10n.t('the system-assigned identity of registry "{0}"', plan.target.registry.name);
        default:
            return undefined;
    }
}

/** Another registry the same removal cuts off, and why. */
export function affectedText(affected: AffectedRegistry): string {
    switch (affected.reason) {
        case 'sameKeyVersion':
            return vscode.l10n.t('registry "{0}" (encrypts with the same key version)', affected.name);
        case 'sameKey':
            return vscode.l10n.t('registry "{0}" (encrypts with the same key)', affected.name);
        default:
            return vscode.l10n.t('registry "{0}" (uses the same identity on this key vault)', affected.name);
    }
}

/** What the revocation removes (grants and key versions), each by name. */
export function removedItems(plan: RevokePlan): string[] {
    const who = encryptionIdentityText(plan);
    return [
        ...plan.grants.map((grant) => grantText(grant, plan.target.vault.name, who)),
        ...plan.versions.map((version) => versionText(plan.target.key.keyName, version)),
    ];
}

/** What the revocation removes, by name, then every other registry it cuts off. */
export function describeRevokePlan(plan: RevokePlan): string {
    const items = removedItems(plan);
    const lines = [`${vscode.l10n.t('To be removed or disabled:')}\n${items.map((item) => `• ${item}`).join('\n')}`];
    if (plan.affected.length > 0) {
        lines.push(
            `${vscode.l10n.t('These registries lose access to their key too:')}\n${plan.affected.map((affected) => `• ${affectedText(affected)}`).join('\n')}`,
        );
    }
    return lines.join('\n\n');
}
