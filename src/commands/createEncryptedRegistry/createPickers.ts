import * as vscode from 'vscode';
import { assertMayCreateRegistryIn } from '../../domain/access/callerPermissions';
import { isFirewalled, type VaultInfo } from '../../domain/access/VaultInfo';
import { prefetchCreateClients } from '../../domain/create/preflight';
import type { IdentityPicker } from '../wizard/pickers/IdentityPickStep';
import type { KeyPicker } from '../wizard/pickers/KeyPickStep';
import type { LocationPicker } from '../wizard/pickers/LocationPickStep';
import type { ResourceGroupPicker } from '../wizard/pickers/ResourceGroupPickStep';
import type { VaultPicker } from '../wizard/pickers/VaultPickStep';
import type { CreateRegistryContext } from './CreateRegistryContext';

// How Create answers the shared pickers (src/commands/wizard/pickers): each offers "Create new …", lists the
// subscription picked first, and stores its answer in the plan's terms.

const subscriptionOf = (context: CreateRegistryContext) => context.subscription!;

export const createResourceGroupPicker: ResourceGroupPicker<CreateRegistryContext> = {
    where: subscriptionOf,
    purpose: 'newRegistry',
    // The subscription is known from here on: the SDK clients of the run load while the user answers the prompts.
    prepare: (context) => {
        if (context.subscription) {
            prefetchCreateClients(context.subscription.factory, context.subscription.subscriptionId);
        }
    },
    check: (context, group) => assertMayCreateRegistryIn(context.subscription!.factory, context.subscription!.subscriptionId, group.name),
    answered: (context) => !!context.resourceGroup,
    answer: (context, group) => {
        context.resourceGroup = group && (group.create ? { name: '', create: true } : { name: group.name, create: false });
        if (group && !group.create) {
            context.location ??= group.location;
        }
    },
};

/** Asked only for a new resource group: an existing group's location is used for everything the flow creates. */
export const createLocationPicker: LocationPicker<CreateRegistryContext> = {
    where: subscriptionOf,
    answered: (context) => !!context.location,
    answer: (context, location) => {
        context.location = location;
    },
};

export const createIdentityPicker: IdentityPicker<CreateRegistryContext, NonNullable<CreateRegistryContext['identity']>> = {
    where: subscriptionOf,
    first: () => [{ label: vscode.l10n.t('$(plus) Create new user-assigned managed identity'), data: { kind: 'new', name: '' } }],
    choose: (identity) => ({ kind: 'existing', id: identity.id }),
    answered: (context) => !!context.identity,
    answer: (context, identity) => {
        context.identity = identity;
    },
};

/**
 * A firewalled vault is explained (a user-assigned identity cannot pass it); a vault without purge protection is
 * offered the (irreversible) fix in a modal. Nothing is changed here: choices apply at execution.
 */
export const createVaultPicker: VaultPicker<CreateRegistryContext> = {
    where: async (context) => ({ ...subscriptionOf(context), subscriptionName: subscriptionOf(context).name }),
    offerNew: true,
    firewall: 'refused',
    answered: (context) => !!context.vault,
    accept: async (context, vault) => {
        if (vault === 'new') {
            context.vault = { kind: 'new', name: '' };
            return true;
        }
        return acceptVault(context, vault);
    },
    clear: (context) => {
        context.vault = undefined;
        context.vaultInfo = undefined;
    },
};

/** Lists the keys of the vault picked before (none for a new vault: only "Create new RSA key" is offered then). */
export const createKeyPicker: KeyPicker<CreateRegistryContext> = {
    where: (context) => ({ factory: subscriptionOf(context).factory, vaultUrl: context.vault?.kind === 'existing' ? context.vaultInfo?.vaultUri : undefined }),
    offerNew: true,
    answered: (context) => !!context.key,
    answer: (context, key) => {
        context.key = key && (key.kind === 'new' ? { kind: 'new', name: '' } : { kind: 'existing', name: key.name });
    },
};

/** True when the vault is taken (possibly with purge protection to enable); false to pick again. */
async function acceptVault(context: CreateRegistryContext, vault: VaultInfo): Promise<boolean> {
    const another: vscode.MessageItem = { title: vscode.l10n.t('Choose Another Vault') };
    const warn = (message: string, detail: string, ...items: vscode.MessageItem[]) => context.ui.showWarningMessage(message, { modal: true, detail }, ...items);
    if (isFirewalled(vault)) {
        await warn(
            vscode.l10n.t('Key vault "{0}" has a firewall (default action Deny).', vault.name),
            vscode.l10n.t(
                'A new registry reaches its key through a user-assigned identity, which the vault firewall never lets through: only a registry\'s system-assigned identity counts as a trusted Microsoft service. Choose another vault now; afterwards, "Rotate Key" can move the registry to this vault with its system-assigned identity.',
            ),
            another,
        );
        return false;
    }
    if (!vault.enablePurgeProtection) {
        const enable: vscode.MessageItem = { title: vscode.l10n.t('Enable Purge Protection') };
        const choice = await warn(
            vscode.l10n.t('Key vault "{0}" does not have purge protection.', vault.name),
            vscode.l10n.t(
                'A registry encrypted with a customer-managed key needs soft delete and purge protection on its key vault, so the key cannot be purged while the registry depends on it. Enabling purge protection is irreversible: it can never be turned off for this vault. It is applied only when you confirm the summary.',
            ),
            enable,
            another,
        );
        if (choice !== enable) {
            return false;
        }
    }
    context.vault = vault.enablePurgeProtection ? { kind: 'existing', id: vault.id } : { kind: 'existing', id: vault.id, enablePurgeProtection: true };
    context.vaultInfo = vault;
    return true;
}
