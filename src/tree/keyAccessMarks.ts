import * as vscode from 'vscode';

/**
 * What the extension last learnt about a registry's access to its key, shown on its row until the next change:
 * revoked by Revoke Key Access (remembered across restarts), or a problem found by Diagnose.
 */
export type KeyAccessMark =
    | { readonly kind: 'revoked' }
    | { readonly kind: 'problem'; readonly severity: 'error' | 'warning'; readonly summary: string };

export class KeyAccessMarks {
    private readonly marks = new Map<string, KeyAccessMark>();

    get(registryId: string): KeyAccessMark | undefined {
        return this.marks.get(registryId.toLowerCase());
    }

    set(registryId: string, mark: KeyAccessMark | undefined): void {
        if (mark) {
            this.marks.set(registryId.toLowerCase(), mark);
        } else {
            this.marks.delete(registryId.toLowerCase());
        }
    }
}

/** Adds the mark to a registry row: its own icon and colour, a description suffix, a tooltip line and a contextValue part. */
export function decorateKeyAccess(item: vscode.TreeItem, mark: KeyAccessMark | undefined): vscode.TreeItem {
    if (!mark) {
        return item;
    }
    const revoked = mark.kind === 'revoked';
    const label = revoked ? vscode.l10n.t('key access revoked') : mark.severity === 'error' ? vscode.l10n.t('key access problem') : vscode.l10n.t('key access warning');
    item.description = [typeof item.description === 'string' ? item.description : '', label].filter((part) => part.length > 0).join(' · ');
    item.iconPath = revoked
        ? new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('errorForeground'))
        : new vscode.ThemeIcon(mark.severity, new vscode.ThemeColor(mark.severity === 'error' ? 'list.errorForeground' : 'list.warningForeground'));
    item.contextValue = `${item.contextValue ?? ''};keyAccess:${revoked ? 'revoked' : mark.severity}`;
    const line = revoked ? vscode.l10n.t('Key access revoked: the registry cannot use its key until Restore Key Access.') : mark.summary;
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip : new vscode.MarkdownString(typeof item.tooltip === 'string' ? item.tooltip : '');
    tooltip.appendMarkdown(`\n\n$(${revoked ? 'circle-slash' : mark.severity}) `);
    tooltip.appendText(line);
    item.tooltip = tooltip;
    return item;
}
