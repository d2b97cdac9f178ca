import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { KeyUser } from '../../domain/fleet/keysInUse';
import type { RegistrySummary } from '../../domain/registries/RegistryEncryption';
import { identityInUse, registriesUsingIdentity, type IdentityInUse } from '../../keysView/identityUsers';
import type { CommandServices } from '../CommandServices';
import { resolveRegistryNode } from '../pickRegistry';
import { registryOf } from '../showKeyUsage/usageSource';
import { DomainError } from '../../domain/errors';

/**
 * Show Registries Using This Identity: every registry of every selected subscription whose encryption uses the
 * registry's encryption identity — a user-assigned one by its resource id (or, once removed, its client id); a
 * system-assigned one belongs to its registry alone — grouped by the key each reaches, from the fleet the Keys view
 * already read (no new Azure call). The one picked is shown under its key in the Keys view. Run on a registry's Identity
 * row, a registry row of either view, or from the palette. Returns the registries' names.
 */
export async function showIdentityUsage(context: IActionContext, services: CommandServices, arg?: unknown): Promise<string[]> {
    const registry = registryOf(arg) ?? (await resolveRegistryNode(context, services, arg, { cmkOnly: true })).registry;
    const identity = identityInUse(registry);
    if (!identity) {
        throw new DomainError('RegistryHasNoEncryptionIdentity', { registry: registry.name });
    }
    const { fleet, subscriptionName } = await services.keys.fleetSnapshot();
    const users = registriesUsingIdentity(fleet.registries, identity, [registry]);
    const keys = new Set(users.map((user) => keyLabel(user)));
    const picks = users.map((user): IAzureQuickPickItem<KeyUser> => ({
        label: user.registry.name,
        description: keyLabel(user),
        detail: vscode.l10n.t('subscription "{0}" · resource group "{1}"', subscriptionName(user.registry.subscriptionId), user.registry.resourceGroup),
        group: keyLabel(user),
        data: user,
    }));
    // The summary goes in the placeholder: vscode-azext-utils' Quick Pick shows a title only inside a wizard.
    const picked = await context.ui.showQuickPick(picks, {
        placeHolder: vscode.l10n.t(
            '{0} — registries: {1}, keys: {2}. Select one to show it under its key in the Keys view.',
            identityText(identity, registry),
            users.length,
            keys.size,
        ),
        enableGrouping: true,
        suppressPersistence: true,
    });
    const key = picked.data.encryption.key;
    if (!key || !(await services.keys.revealKeyUser(key.vaultUrl, key.keyName, picked.data.registry.id))) {
        void vscode.window.showWarningMessage(
            vscode.l10n.t('Registry "{0}" is not in the Keys view: refresh it, or check the subscriptions it shows.', picked.data.registry.name),
        );
    }
    return users.map((user) => user.registry.name);
}

const keyLabel = (user: KeyUser): string =>
    user.encryption.key
        ? vscode.l10n.t('key "{0}" · key vault "{1}"', user.encryption.key.keyName, user.encryption.key.vaultName)
        : user.encryption.keyIdentifier;

function identityText(identity: IdentityInUse, registry: RegistrySummary): string {
    switch (identity.kind) {
        case 'user':
            return vscode.l10n.t('Identity "{0}"', identity.name);
        case 'clientId':
            return vscode.l10n.t('Identity with client ID {0} (no longer assigned to registry "{1}")', identity.clientId, registry.name);
        case 'system':
            return vscode.l10n.t('System-assigned identity of registry "{0}"', registry.name);
    }
}
