import * as vscode from 'vscode';
import { encryptionHealth, findEncryptionProblems, type EncryptionProblem } from '../domain/registries/encryptionProblems';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';

/** `registry;encryption:cmk;identity:user;rotation:automatic` — matched by `when` clauses with anchored regexes. */
export function registryContextValue(registry: RegistrySummary): string {
    const state = registry.encryption;
    if (state.status !== 'enabled') {
        return 'registry;encryption:none';
    }
    const identity = state.identity?.kind === 'system' ? 'system' : state.identity?.kind === 'user' ? 'user' : 'unknown';
    const problem = encryptionHealth(state) === 'cmkProblem' ? ';problem' : '';
    return `registry;encryption:cmk;identity:${identity};rotation:${state.rotation}${problem}`;
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

export function problemText(problem: EncryptionProblem): string {
    switch (problem) {
        case 'keyIdentifierInvalid':
            return vscode.l10n.t('The key identifier cannot be read for this cloud.');
        case 'identityMissing':
            return vscode.l10n.t('No identity is configured to reach the key.');
        case 'identityNotAssigned':
            return vscode.l10n.t('The identity used for encryption is no longer assigned to the registry.');
        case 'principalIdInsteadOfClientId':
            return vscode.l10n.t('The encryption identity is set to a principal ID; it must be the client ID of the user-assigned managed identity.');
        case 'systemIdentityDisabled':
            return vscode.l10n.t('Encryption uses the system-assigned identity, but the registry has none enabled.');
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
        md.appendMarkdown(`\n$(warning) ${escape(problemText(problem))}  \n`);
    }
    return md;
}

function escape(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);
}
