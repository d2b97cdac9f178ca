import * as vscode from 'vscode';
import { encryptionHealth, findEncryptionProblems, identityHealth } from '../domain/registries/encryptionHealth';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';
import { encryptionProblemText } from '../l10n/encryptionHealthText';

/** `registry;encryption:cmk;identity:user;rotation:automatic` — matched by `when` clauses with anchored regexes. */
export function registryContextValue(registry: RegistrySummary): string {
    const state = registry.encryption;
    if (state.status !== 'enabled') {
        return 'registry;encryption:none';
    }
    const identity = identityContext(identityHealth(state).kind);
    const problem = encryptionHealth(state) === 'cmkProblem' ? ';problem' : '';
    return `registry;encryption:cmk;identity:${identity};rotation:${state.rotation}${problem}`;
}

/** `system` also while the system identity is off (its menu items enable it); a principal id or a removed identity is `unknown`. */
function identityContext(health: ReturnType<typeof identityHealth>['kind']): 'system' | 'user' | 'unknown' {
    return health === 'system' || health === 'systemIdentityDisabled' ? 'system' : health === 'user' ? 'user' : 'unknown';
}

export function registryDescription(registry: RegistrySummary): string {
    const encryption = registry.encryption.status === 'enabled' ? vscode.l10n.t('customer-managed key') : vscode.l10n.t('service-managed key');
    return `${registry.sku} · ${encryption}`;
}

export function registryIcon(registry: RegistrySummary): vscode.ThemeIcon {
    switch (encryptionHealth(registry.encryption)) {
        case 'cmk':
            return new vscode.ThemeIcon('lock', new vscode.ThemeColor('charts.green'));
        case 'cmkProblem':
            return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        default:
            return new vscode.ThemeIcon('unlock', new vscode.ThemeColor('descriptionForeground'));
    }
}

export function registryTooltip(registry: RegistrySummary): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escape(registry.name)}**\n\n`);
    md.appendMarkdown(`${vscode.l10n.t('SKU')}: ${escape(registry.sku)}  \n`);
    md.appendMarkdown(`${vscode.l10n.t('Resource group')}: ${escape(registry.resourceGroup)}  \n`);
    md.appendMarkdown(`${vscode.l10n.t('Location')}: ${escape(registry.location)}  \n`);
    const state = registry.encryption;
    if (state.status !== 'enabled') {
        md.appendMarkdown(`${vscode.l10n.t('Encryption')}: ${vscode.l10n.t('service-managed key')}`);
        return md;
    }
    md.appendMarkdown(`${vscode.l10n.t('Encryption')}: ${vscode.l10n.t('customer-managed key')}  \n`);
    md.appendMarkdown(`${vscode.l10n.t('Key')}: \`${escape(state.keyIdentifier)}\`  \n`);
    for (const problem of findEncryptionProblems(state)) {
        md.appendMarkdown(`\n$(warning) ${escape(encryptionProblemText(problem))}  \n`);
    }
    return md;
}

function escape(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);
}
