import * as vscode from 'vscode';
import { checkNames, type RegistryDiagnosis } from '../../domain/diagnose/Finding';
import { checkTitle, explain, fixLabel, statusText } from './findingText';

// Plain symbols (no emoji): they render in every font the preview may fall back to.
const statusIcon: Record<string, string> = { ok: '✓', info: 'ℹ', warning: '⚠', error: '✗', unknown: '?' };

/** Markdown for one or many diagnoses: a summary table, then each registry's links with explanation and fix. */
export function diagnosisReport(diagnoses: readonly RegistryDiagnosis[], generatedAt: Date, stats?: { durationMs: number; concurrency: number }): string {
    const lines = [`# ${vscode.l10n.t('Key access diagnosis')}`, '', `${vscode.l10n.t('Generated {0}', generatedAt.toISOString())}`, ''];
    const problems = diagnoses.filter((d) => d.status === 'error' || d.status === 'warning' || d.status === 'unknown');
    if (diagnoses.length > 1) {
        lines.push(vscode.l10n.t('{0} registries checked, {1} with problems or warnings.', String(diagnoses.length), String(problems.length)));
        if (stats) {
            lines.push('', vscode.l10n.t('Took {0} s, {1} registries at a time.', (stats.durationMs / 1000).toFixed(1), String(stats.concurrency)));
        }
        lines.push('', `| ${vscode.l10n.t('Registry')} | ${vscode.l10n.t('Status')} | ${vscode.l10n.t('Checks not passed')} |`, '|---|---|---|');
        for (const diagnosis of [...problems, ...diagnoses.filter((d) => !problems.includes(d))]) {
            // Each check by name with its own result ("Key enabled: Problem"), so a failed check never reads as a state.
            const causes = diagnosis.findings.filter((f) => f.status !== 'ok').map((f) => vscode.l10n.t('{0}: {1}', checkTitle(f.check), statusText(f.status)));
            lines.push(`| ${cell(diagnosis.registryName)} | ${statusIcon[diagnosis.status]} ${statusText(diagnosis.status)} | ${cell(causes.join(', '))} |`);
        }
        lines.push('');
    }
    // A many-registry report details only registries with something to look at; a single one shows every link.
    for (const diagnosis of diagnoses.length > 1 ? problems : diagnoses) {
        lines.push(`## ${escapeMarkdown(diagnosis.registryName)} — ${statusIcon[diagnosis.status]} ${statusText(diagnosis.status)}`, '');
        const ordered = [...diagnosis.findings].sort((a, b) => checkNames.indexOf(a.check) - checkNames.indexOf(b.check));
        for (const finding of ordered) {
            lines.push(`- ${statusIcon[finding.status]} **${checkTitle(finding.check)}** (${statusText(finding.status)}): ${escapeMarkdown(explain(finding))}`);
            if (finding.fix) {
                lines.push(`  - ${vscode.l10n.t('Fix')}: ${escapeMarkdown(fixLabel(finding.fix))}`);
            }
        }
        lines.push('');
    }
    return lines.join('\n');
}

function cell(text: string): string {
    return escapeMarkdown(text).replace(/\|/g, '\\|');
}

function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]<>#]/g, (c) => `\\${c}`);
}
