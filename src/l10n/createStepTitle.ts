import * as vscode from 'vscode';

// Localized names of the create flow's steps (the domain reports step ids: src/domain/create/CreatePlan.ts).
const titles: Record<string, () => string> = {
    resourceGroup: () => vscode.l10n.t('Create resource group'),
    identity: () => vscode.l10n.t('Create user-assigned managed identity'),
    vault: () => vscode.l10n.t('Create key vault'),
    vaultProtection: () => vscode.l10n.t('Enable purge protection on the key vault'),
    keyManagementAccess: () => vscode.l10n.t('Grant you key-management rights on the new key vault'),
    encryptionAccess: () => vscode.l10n.t('Grant the identity access to the key'),
    key: () => vscode.l10n.t('Create key'),
    registry: () => vscode.l10n.t('Create registry'),
    cleanup: () => vscode.l10n.t('Delete what this run created'),
};

export function createStepTitle(step: string): string {
    return titles[step]?.() ?? step;
}
