import * as vscode from 'vscode';

/** A list as a sentence shows it: the items joined with the localized separator ("a, b"; "a、b" in Chinese), "nothing" when empty. */
export function listText(items: readonly string[]): string {
    return items.length > 0 ? items.join(vscode.l10n.t(', ')) : vscode.l10n.t('nothing');
}
