import * as vscode from 'vscode';
import type { FleetReport } from '../../domain/fleet/report/fleetReport';
import { expiryTimelineSvg } from './expiryTimeline';
import { allWarnings, expiryText, keyStateText, latestVersion, registryIdentityText, rotationText, timelineRow, versionText, warningsText } from './reportRows';
import { shortVersion } from '../../l10n/encryptionText';

/** A table cell: one line, no column breaks. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const table = (header: readonly string[], rows: readonly (readonly string[])[]): string[] => [
    `| ${header.map(cell).join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
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
        ...table(
            [
                vscode.l10n.t('Key vault'),
                vscode.l10n.t('Key'),
                vscode.l10n.t('State'),
                vscode.l10n.t('Latest version'),
                vscode.l10n.t('Expires'),
                vscode.l10n.t('Rotation policy'),
                vscode.l10n.t('Registries'),
                vscode.l10n.t('Warnings'),
            ],
            report.keys.map((key) => [
                key.vault.vaultName,
                key.key.keyName,
                keyStateText(key),
                shortVersion(latestVersion(key) ?? ''),
                expiryText(key),
                rotationText(key),
                key.key.users.map((user) => user.registry.name).join(', '),
                warningsText(key.warnings),
            ]),
        ),
        '',
        `## ${vscode.l10n.t('Registries')}`,
        '',
        ...table(
            [
                vscode.l10n.t('Registry'),
                vscode.l10n.t('Subscription'),
                vscode.l10n.t('Resource group'),
                vscode.l10n.t('Key'),
                vscode.l10n.t('Version'),
                vscode.l10n.t('Identity'),
                vscode.l10n.t('Warnings'),
            ],
            report.registries.map((registry) => [
                registry.user.registry.name,
                subscriptionName(registry.user.registry.subscriptionId),
                registry.user.registry.resourceGroup,
                `${registry.key.vault.vaultName}/${registry.key.key.keyName}`,
                versionText(registry),
                registryIdentityText(registry),
                warningsText(registry.warnings),
            ]),
        ),
        '',
        `## ${vscode.l10n.t('Key vaults')}`,
        '',
        ...table(
            [
                vscode.l10n.t('Key vault'),
                vscode.l10n.t('Subscription'),
                vscode.l10n.t('Purge protection'),
                vscode.l10n.t('Keys in use'),
                vscode.l10n.t('Warnings'),
            ],
            report.vaults.map((vault) => [
                vault.entry.vaultName,
                vault.entry.vault ? subscriptionName(vault.entry.vault.subscriptionId) : vscode.l10n.t('not in the selected subscriptions'),
                vault.entry.vault ? (vault.entry.vault.enablePurgeProtection ? vscode.l10n.t('on') : vscode.l10n.t('off')) : '',
                String(vault.entry.keys.length),
                warningsText(vault.warnings),
            ]),
        ),
        '',
    ];
    return lines.join('\n');
}
