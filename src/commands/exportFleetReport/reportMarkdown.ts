import * as vscode from 'vscode';
import type { FleetReport } from '../../domain/fleet/report/fleetReport';
import { expiryTimelineSvg } from './expiryTimeline';
import { allWarnings, expiryText, keyStateText, latestVersion, registryIdentityText, rotationText, timelineRow, versionText, warningsText } from './reportRows';
import { shortVersion } from '../../l10n/encryptionText';

/** A table cell: one line, no column breaks. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** A table of `rows`, one column per header and the cell it reads from a row. */
const table = <T>(rows: readonly T[], columns: readonly (readonly [header: string, value: (row: T) => string])[]): string[] => [
    `| ${columns.map(([header]) => cell(header)).join(' | ')} |`,
    `|${columns.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${columns.map(([, value]) => cell(value(row))).join(' | ')} |`),
];

/**
 * The fleet key report as Markdown: a summary, the warnings, a picture of the keys' expiry on a timeline (an SVG inside
 * the document, nothing fetched), then keys, registries and key vaults as tables. Read in VS Code's Markdown preview.
 */
export function fleetReportMarkdown(report: FleetReport, subscriptionName: (subscriptionId: string) => string): string {
    const warnings = allWarnings(report);
    const svg = expiryTimelineSvg(report.keys.map(timelineRow), report.generatedAt, {
        title: vscode.l10n.t('Keys in use: latest version, from creation to expiry'),
        today: vscode.l10n.t('today'),
    });
    const source = report.source === 'resourceGraph' ? vscode.l10n.t('Resource Graph') : vscode.l10n.t('Resource Manager');
    const lines = [
        `# ${vscode.l10n.t('Fleet key report')}`,
        '',
        vscode.l10n.t(
            'Generated {0} from {1}: {2} registries with a customer-managed key, {3} keys in {4} key vaults; {5} registries with a Microsoft-managed key.',
            report.generatedAt.toISOString().replace(/\.\d+Z$/, 'Z'),
            source,
            report.registries.length,
            report.keys.length,
            report.vaults.length,
            report.serviceManaged,
        ),
        '',
        `## ${vscode.l10n.t('Warnings ({0})', warnings.length)}`,
        '',
        ...(warnings.length > 0 ? warnings.map((warning) => `- **${cell(warning.subject)}**: ${cell(warning.text)}`) : [vscode.l10n.t('None.')]),
        '',
        `## ${vscode.l10n.t('Keys and their expiry')}`,
        '',
        `![${vscode.l10n.t('Timeline of the keys in use and their expiry')}](data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')})`,
        '',
        ...table(report.keys, [
            [vscode.l10n.t('Key vault'), (key) => key.vault.vaultName],
            [vscode.l10n.t('Key'), (key) => key.key.keyName],
            [vscode.l10n.t('State'), keyStateText],
            [vscode.l10n.t('Latest version'), (key) => shortVersion(latestVersion(key) ?? '')],
            [vscode.l10n.t('Expires'), expiryText],
            [vscode.l10n.t('Rotation policy'), rotationText],
            [vscode.l10n.t('Registries'), (key) => key.key.users.map((user) => user.registry.name).join(', ')],
            [vscode.l10n.t('Warnings'), (key) => warningsText(key.warnings)],
        ]),
        '',
        `## ${vscode.l10n.t('Registries')}`,
        '',
        ...table(report.registries, [
            [vscode.l10n.t('Registry'), (registry) => registry.user.registry.name],
            [vscode.l10n.t('Subscription'), (registry) => subscriptionName(registry.user.registry.subscriptionId)],
            [vscode.l10n.t('Resource group'), (registry) => registry.user.registry.resourceGroup],
            [vscode.l10n.t('Key'), (registry) => `${registry.key.vault.vaultName}/${registry.key.key.keyName}`],
            [vscode.l10n.t('Version'), versionText],
            [vscode.l10n.t('Identity'), registryIdentityText],
            [vscode.l10n.t('Warnings'), (registry) => warningsText(registry.warnings)],
        ]),
        '',
        `## ${vscode.l10n.t('Key vaults')}`,
        '',
        ...table(report.vaults, [
            [vscode.l10n.t('Key vault'), (vault) => vault.entry.vaultName],
            [
                vscode.l10n.t('Subscription'),
                (vault) => (vault.entry.vault ? subscriptionName(vault.entry.vault.subscriptionId) : vscode.l10n.t('not in the selected subscriptions')),
            ],
            [
                vscode.l10n.t('Purge protection'),
                (vault) => (vault.entry.vault ? (vault.entry.vault.enablePurgeProtection ? vscode.l10n.t('on') : vscode.l10n.t('off')) : ''),
            ],
            [vscode.l10n.t('Keys in use'), (vault) => String(vault.entry.keys.length)],
            [vscode.l10n.t('Warnings'), (vault) => warningsText(vault.warnings)],
        ]),
        '',
    ];
    return lines.join('\n');
}
