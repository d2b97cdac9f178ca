import * as vscode from 'vscode';

/**
 * What the extension last learnt about a registry's access to its key, shown on its row until the next change:
 * revoked by Revoke Key Access (remembered across restarts), or a problem found by Diagnose.
 */
export type KeyAccessMark =
    | { readonly kind: 'revoked' }
    | { readonly kind: 'problem'; readonly severity: 'error' | 'warning'; readonly summary: string }
    /** A flow on the registry was cut off (reload, crash) and waits for Resume, Clean Up or Dismiss. */
    | { readonly kind: 'interrupted'; readonly summary: string };

type LearntMark = Exclude<KeyAccessMark, { kind: 'revoked' }>;

/**
 * The one place a registry's mark comes from. "Revoked" is read from Revoke's records (kept across restarts, deleted
 * by Restore and by a fix that brings access back), so it can never outlive them; a problem is what a flow learnt
 * (Diagnose, another registry's revocation) and lasts until a flow changes that registry or Refresh re-reads it.
 */
export class KeyAccessMarks {
    private readonly problems = new Map<string, LearntMark>();
    private isRevoked: (registryId: string) => boolean = () => false;

    /** Where Revoke's records are (the extension's global state): whether one exists for a registry. */
    readRevocationsFrom(isRevoked: (registryId: string) => boolean): void {
        this.isRevoked = isRevoked;
    }

    /**
     * Every mark a row shows, in drawing order: the revocation (or what was learnt), then an interrupted run on top — a
     * Restore cut off on a revoked registry shows both, the decision it waits for last.
     */
    all(registryId: string): KeyAccessMark[] {
        const learnt = this.problems.get(registryId.toLowerCase());
        if (!this.isRevoked(registryId)) {
            return learnt ? [learnt] : [];
        }
        return learnt?.kind === 'interrupted' ? [{ kind: 'revoked' }, learnt] : [{ kind: 'revoked' }];
    }

    /** A problem or interrupted mark is kept; a revoked mark (the record is the truth) or none clears what was learnt. */
    set(registryId: string, mark: KeyAccessMark | undefined): void {
        if (mark && mark.kind !== 'revoked') {
            this.problems.set(registryId.toLowerCase(), mark);
        } else {
            this.problems.delete(registryId.toLowerCase());
        }
    }

    /** Forgets what was learnt about the registries whose id starts with `idPrefix` (all, when empty). */
    forgetProblems(idPrefix = ''): void {
        const prefix = idPrefix.toLowerCase();
        // An interrupted run stays marked until it is resumed, cleaned up or dismissed: a refresh does not settle it.
        for (const [id, mark] of this.problems) {
            if (id.startsWith(prefix) && mark.kind !== 'interrupted') {
                this.problems.delete(id);
            }
        }
    }
}

/** Adds the mark to a registry row: its own icon and colour, a description suffix, a tooltip line and a contextValue part. */
export function decorateKeyAccess(item: vscode.TreeItem, mark: KeyAccessMark | undefined): vscode.TreeItem {
    if (!mark) {
        return item;
    }
    if (mark.kind === 'interrupted') {
        const icon = new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('list.warningForeground'));
        return addRowMark(item, vscode.l10n.t('interrupted'), icon, 'interrupted', [{ icon: 'debug-pause', text: mark.summary }]);
    }
    if (mark.kind === 'revoked') {
        const line = vscode.l10n.t('Key access revoked: the registry cannot use its key until Restore Key Access.');
        const icon = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('errorForeground'));
        return addRowMark(item, vscode.l10n.t('key access revoked'), icon, 'keyAccess:revoked', [{ icon: 'circle-slash', text: line }]);
    }
    const label = mark.severity === 'error' ? vscode.l10n.t('key access problem') : vscode.l10n.t('key access warning');
    return addRowMark(item, label, severityIcon(mark.severity), `keyAccess:${mark.severity}`, [{ icon: mark.severity, text: mark.summary }]);
}

/** The icon of an error or a warning mark, in its theme colour (key access problems and fleet warnings alike). */
export const severityIcon = (severity: 'error' | 'warning'): vscode.ThemeIcon =>
    new vscode.ThemeIcon(severity, new vscode.ThemeColor(severity === 'error' ? 'list.errorForeground' : 'list.warningForeground'));

/**
 * Adds one mark to a row, as every mark of a registry row is drawn: a description suffix, its icon over the row's, a
 * contextValue part and tooltip lines, each after its icon.
 */
export function addRowMark(
    item: vscode.TreeItem,
    label: string,
    icon: vscode.ThemeIcon,
    context: string,
    lines: readonly { readonly icon: string; readonly text: string }[],
): vscode.TreeItem {
    item.description = [typeof item.description === 'string' ? item.description : '', label].filter((part) => part.length > 0).join(' · ');
    item.iconPath = icon;
    item.contextValue = `${item.contextValue ?? ''};${context}`;
    const tooltip =
        item.tooltip instanceof vscode.MarkdownString ? item.tooltip : new vscode.MarkdownString(typeof item.tooltip === 'string' ? item.tooltip : '', true);
    for (const line of lines) {
        tooltip.appendMarkdown(`\n\n$(${line.icon}) `);
        tooltip.appendText(line.text);
    }
    item.tooltip = tooltip;
    return item;
}
