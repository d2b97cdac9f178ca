import { AzureWizardPromptStep, UserCancelledError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { preflightCreate } from '../../domain/create/preflight';
import { planOf, type CreateRegistryContext } from './CreateRegistryContext';

/** Read-only checks first (nothing doomed is started), then the summary with Create / Export ARM Template. */
export class SummaryStep extends AzureWizardPromptStep<CreateRegistryContext> {
    readonly question = 'summary';

    async prompt(context: CreateRegistryContext): Promise<void> {
        await runPreflight(context);
        const create: vscode.MessageItem = { title: vscode.l10n.t('Create') };
        const exportTemplate: vscode.MessageItem = { title: vscode.l10n.t('Export ARM Template…') };
        const buttons = context.exportOnly ? [exportTemplate] : [create, exportTemplate];
        const choice = await context.ui.showWarningMessage(
            vscode.l10n.t('Create registry "{0}" encrypted with a customer-managed key?', context.registryName ?? ''),
            { modal: true, detail: summaryLines(context).join('\n') },
            ...buttons,
        );
        if (choice !== create && choice !== exportTemplate) {
            throw new UserCancelledError('createSummary');
        }
        // For the template, what to do with it is asked next (save, deploy now, or open unsaved). Set here, so Back clears it.
        context.exportChosen = choice === exportTemplate;
        context.confirmed = true;
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return !context.confirmed;
    }
}

export async function runPreflight(context: CreateRegistryContext): Promise<void> {
    if (context.preflightDone) {
        return;
    }
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking names, key vault and key…') }, () =>
        preflightCreate(context.subscription!.factory, planOf(context)),
    );
    context.preflightDone = true;
}

/** Every line of the summary: what will be created or changed, the grants, and the seed's "things to know". */
function summaryLines(context: CreateRegistryContext): string[] {
    const { resourceGroup, location, registryName, identity, vault, key, versionless } = context;
    const lines = [
        vscode.l10n.t('Subscription: {0}', context.subscription?.name ?? ''),
        resourceGroup?.create
            ? vscode.l10n.t('Resource group: {0} (new, {1})', resourceGroup.name, location ?? '')
            : vscode.l10n.t('Resource group: {0} ({1})', resourceGroup?.name ?? '', location ?? ''),
        vscode.l10n.t('Registry: {0} (new, SKU Premium)', registryName ?? ''),
        identity?.kind === 'new'
            ? vscode.l10n.t('User-assigned managed identity: {0} (new)', identity.name)
            : vscode.l10n.t('User-assigned managed identity: {0} (existing)', identity?.id.split('/').pop() ?? ''),
    ];
    if (vault?.kind === 'new') {
        lines.push(vscode.l10n.t('Key vault: {0} (new; soft delete {1} days, purge protection on)', vault.name, String(vault.softDeleteRetentionInDays ?? 90)));
        lines.push(
            vault.permissionModel === 'rbac'
                ? vscode.l10n.t('You: role "Key Vault Crypto Officer" on the new key vault, to create the key. Nothing broader.')
                : vscode.l10n.t('You: key permissions create, get, list and update on the new key vault, to create the key. Nothing broader.'),
        );
    } else if (vault) {
        lines.push(vscode.l10n.t('Key vault: {0} (existing)', context.vaultInfo?.name ?? vault.id.split('/').pop() ?? ''));
        if (vault.enablePurgeProtection) {
            lines.push(vscode.l10n.t('Purge protection will be enabled on the key vault. This is irreversible.'));
        }
    }
    const rbac = vault?.kind === 'new' ? vault.permissionModel === 'rbac' : context.vaultInfo?.enableRbacAuthorization === true;
    lines.push(
        rbac
            ? vscode.l10n.t('Identity access: role "Key Vault Crypto Service Encryption User" at the key vault scope (skipped if it already has access).')
            : vscode.l10n.t('Identity access: access policy with key permissions get, wrapKey and unwrapKey (skipped if it already has them).'),
    );
    lines.push(
        key?.kind === 'new'
            ? vscode.l10n.t('Key: {0} (new, {1} {2})', key.name, key.keyType ?? 'RSA', String(key.keySize ?? 3072))
            : vscode.l10n.t('Key: {0} (existing)', key?.name ?? ''),
    );
    lines.push(versionless === false ? vscode.l10n.t('Key version: pinned (manual rotation)') : vscode.l10n.t('Key version: versionless (automatic rotation)'));
    lines.push(
        '',
        vscode.l10n.t('Things to know:'),
        vscode.l10n.t('• A customer-managed key can only be set when a registry is created: it cannot be enabled later, nor disabled.'),
        vscode.l10n.t('• Content trust is not supported in a registry encrypted with a customer-managed key.'),
        vscode.l10n.t('• ACR Tasks run logs are kept for only 24 hours.'),
    );
    return lines;
}
