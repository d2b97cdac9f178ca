import * as vscode from 'vscode';

/**
 * An ISO 8601 duration as Key Vault writes it in rotation policies ("P30D", "P1Y", "P2M", "P1W") in words:
 * "every 30 days". Anything else is shown as given, so nothing is lost.
 */
export function isoDurationText(duration: string): string {
    const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/i.exec(duration.trim());
    if (!match || match.slice(1).every((part) => part === undefined)) {
        return duration;
    }
    const [years, months, weeks, days] = match.slice(1).map((part) => Number(part ?? 0));
    const parts = [
        years ? (years === 1 ? vscode.l10n.t('1 year') : vscode.l10n.t('{0} years', String(years))) : '',
        months ? (months === 1 ? vscode.l10n.t('1 month') : vscode.l10n.t('{0} months', String(months))) : '',
        weeks ? (weeks === 1 ? vscode.l10n.t('1 week') : vscode.l10n.t('{0} weeks', String(weeks))) : '',
        days ? (days === 1 ? vscode.l10n.t('1 day') : vscode.l10n.t('{0} days', String(days))) : '',
    ].filter((part) => part.length > 0);
    return vscode.l10n.t('every {0}', parts.join(' '));
}
