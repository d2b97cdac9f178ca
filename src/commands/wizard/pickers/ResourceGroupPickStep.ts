import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AzureClientFactory } from '../../../domain/clients/AzureClientFactory';
import { listResourceGroups, type ResourceGroupInfo } from '../../../domain/resourceGroups/resourceGroups';
import { PickerPromptStep, type Answered } from './PickerPromptStep';

/** The picked group: a new one (named next), or an existing one with its location. */
export type ResourceGroupPick = { readonly create: true } | { readonly create: false; readonly name: string; readonly location?: string };

/** What differs between the flows that ask for a resource group. */
export interface ResourceGroupPicker<T> extends Answered<T> {
    where(context: T): { factory: AzureClientFactory; subscriptionId: string };
    /** `newRegistry`: the group of the registry a flow creates, a new group offered first (Create); `deployment`: the group a template is deployed to. */
    readonly purpose: 'newRegistry' | 'deployment';
    /** Runs once the subscription is known, before the list is asked for (create starts loading its SDK clients). */
    prepare?(context: T): void;
    /** Checks an existing group before it is taken (create: may the user create a registry there); throws when not. */
    check?(context: T, group: ResourceGroupInfo): Promise<void>;
    answer(context: T, group: ResourceGroupPick | undefined): void;
}

/**
 * The resource group for the new registry, or for a template deployment. Like the location, identity, vault and key pickers, this is not one of
 * `@microsoft/vscode-azext-azureutils`' list steps (ResourceGroupListStep, LocationListStep, UserAssignedIdentityListStep,
 * read in 4.1.1, the newest that installs with our other Azure packages), because they:
 * - build their SDK clients from an `ISubscriptionContext` on the wizard context (`credentials`, `environment`,
 *   `createCredentialsForScopes`: an azureauth subscription) with `createAzureClient`, which gives the client the
 *   environment's ARM endpoint and nothing else. Our cloud (Azure China, US Government, a custom cloud from the
 *   settings) and credential (VS Code, Azure CLI, environment) come from AzureClientFactory, per connection; an
 *   adapter could fake the subscription, but its clients would still miss the custom cloud's CA certificate (Azure
 *   Stack Hub, the emulator), our retry and request-timeout options, and the factory's one client per subscription;
 * - need `@microsoft/vscode-azext-azureauth` 6 (an alpha; we use 5) and their own `@azure/arm-resources` 5 and
 *   `arm-resources-subscriptions` 2 (we use 8 and 3), and their entry point loads all their steps and tree items at
 *   once: a second copy of those SDKs in the bundle, and more to load on the first prompt;
 * - create what they offer themselves (ResourceGroupCreateStep, UserAssignedIdentityCreateStep as execute steps, with
 *   their own name and location sub-wizards), while Create plans every resource up front for its summary, preflight,
 *   cleanup of leftovers and ARM template export; and they store SDK objects (`resourceGroup`, `managedIdentity`,
 *   `_location`) where our answers are plain values in the plan's terms;
 * - ask in their own words ("Select a resource group for new resources." is not even localized), with no place for
 *   our permission check before a group is taken.
 */
export class ResourceGroupPickStep<T extends IActionContext> extends PickerPromptStep<T, ResourceGroupPicker<T>> {
    constructor(picker: ResourceGroupPicker<T>) {
        super(picker, 'resourceGroup');
    }

    override configureBeforePrompt(context: T): void {
        this.picker.prepare?.(context);
    }

    async prompt(context: T): Promise<void> {
        const placeHolder =
            this.picker.purpose === 'newRegistry'
                ? vscode.l10n.t('Select a resource group for the new registry')
                : vscode.l10n.t('Select the resource group to deploy to');
        const picked = (await context.ui.showQuickPick(this.loadPicks(context), { placeHolder })).data;
        if (picked === 'new') {
            this.picker.answer(context, { create: true });
            return;
        }
        // A reader learns here, before the other questions, that nothing can be created in this group.
        await this.picker.check?.(context, picked);
        this.picker.answer(context, { create: false, name: picked.name, location: picked.location });
    }

    private async loadPicks(context: T): Promise<IAzureQuickPickItem<ResourceGroupInfo | 'new'>[]> {
        const { factory, subscriptionId } = this.picker.where(context);
        const groups = await listResourceGroups(factory, subscriptionId);
        const listed = groups.map((group): IAzureQuickPickItem<ResourceGroupInfo | 'new'> => ({ label: group.name, description: group.location, data: group }));
        return this.picker.purpose === 'newRegistry' ? [{ label: vscode.l10n.t('$(plus) Create new resource group'), data: 'new' }, ...listed] : listed;
    }
}
