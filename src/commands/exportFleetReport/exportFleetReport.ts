import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { DomainError } from '../../domain/errors';
import { readFleetReport, type FleetReport } from '../../domain/fleet/report/fleetReport';
import type { CommandServices } from '../CommandServices';
import { openReport } from '../reportDocuments';
import { fleetReportCsv } from './reportCsv';
import { fleetReportMarkdown } from './reportMarkdown';
import { allWarnings } from './reportRows';

type ReportFormat = 'markdown' | 'csv';

/**
 * Export Fleet Key Report: every key the selected subscriptions' registries use, its state and expiry, every registry on
 * it and every warning, as a Markdown report with a timeline (opened in the Markdown preview; Save As… keeps it) or
 * as CSV for spreadsheets (an unsaved document). Nothing is written to disk until the user saves.
 */
export async function exportFleetReport(context: IActionContext, services: CommandServices, format?: unknown): Promise<FleetReport> {
    const chosen = format === 'markdown' || format === 'csv' ? format : await pickFormat(context);
    context.telemetry.properties.format = chosen;
    const { report, subscriptionName } = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the keys in use and their registries…') },
        async () => {
            const { fleet, factoryOf, subscriptionName } = await services.keys.fleetSnapshot();
            return { report: await readFleetReport(fleet, factoryOf, new Date()), subscriptionName };
        },
    );
    if (report.registries.length === 0) {
        throw new DomainError('NoKeysInUse', {});
    }
    if (chosen === 'markdown') {
        // The report itself ends the flow, as Diagnose's does: its first lines give the counts and the warnings.
        await openReport(fleetReportMarkdown(report, subscriptionName), 'fleet-key-report', report.generatedAt);
    } else {
        const document = await vscode.workspace.openTextDocument({ language: 'csv', content: fleetReportCsv(report, subscriptionName) });
        await vscode.window.showTextDocument(document);
        void vscode.window.showInformationMessage(
            vscode.l10n.t(
                'Fleet key report ({0}): {1} registries on {2} keys, {3} warnings.',
                'CSV',
                report.registries.length,
                report.keys.length,
                allWarnings(report).length,
            ),
        );
    }
    return report;
}

async function pickFormat(context: IActionContext): Promise<ReportFormat> {
    const picks: IAzureQuickPickItem<ReportFormat>[] = [
        {
            label: vscode.l10n.t('Markdown report'),
            description: vscode.l10n.t('warnings, a timeline of key expiry, keys, registries and key vaults; opened with its preview'),
            data: 'markdown',
        },
        { label: vscode.l10n.t('CSV'), description: vscode.l10n.t('one row per registry, for spreadsheets'), data: 'csv' },
    ];
    return (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select the report format') })).data;
}
