import * as vscode from 'vscode';
import type { DataAccessResult } from '../../domain/registryData/DataAccess';
import { dataAccessProblemText } from '../../tree/dataAccessText';

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
