import * as vscode from 'vscode';
import type { RevokePlan } from '../../domain/revoke/revokeKeyAccess';
import type { AffectedRegistry } from '../../domain/revoke/sharedAccess';
import type { DataAccessResult } from '../../domain/registryData/DataAccess';
import { dataAccessProblemText } from '../../tree/dataAccessText';
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

// Another registry the same removal cuts off, and why.
const affectedReasons: Record<AffectedRegistry['reason'], (name: string) => string> = {
    sameKeyVersion: (name) => vscode.l10n.t('registry "{0}" (encrypts with the same key version)', name),
    sameKey: (name) => vscode.l10n.t('registry "{0}" (encrypts with the same key)', name),
    sameIdentity: (name) => vscode.l10n.t('registry "{0}" (uses the same identity on this key vault)', name),
};

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
            `${vscode.l10n.t('These registries lose access to their key too:')}\n${plan.affected.map((affected) => `• ${affectedReasons[affected.reason](affected.name)}`).join('\n')}`,
        );
    }
    return lines.join('\n\n');
}

// What reading the registry's data showed after Revoke or Restore, as the sentence that closes their notification.

/** Only ACR's 403 proves the revocation: a 401 (no role on the registry) or no answer says nothing about the key. */
export function revokeVerified(result: DataAccessResult): boolean {
    return result.kind === 'denied' && result.statusCode === 403;
}

export function afterRevokeText(result: DataAccessResult): string {
    if (revokeVerified(result)) {
        return vscode.l10n.t("The registry's data is now unreachable (verified).");
    }
    if (result.kind === 'readable') {
        return vscode.l10n.t("Azure has not applied it yet: the registry's data is still readable.");
    }
    return vscode.l10n.t("The registry's data could not be read to verify it. {0}", dataAccessProblemText(result));
}

export function afterRestoreText(result: DataAccessResult): string {
    if (result.kind === 'readable') {
        return vscode.l10n.t("The registry's data is readable again (verified).");
    }
    return vscode.l10n.t("The registry's data is not readable yet; Azure may need a few more minutes to apply the change. {0}", dataAccessProblemText(result));
}
