import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AzureClientFactory } from '../../../domain/clients/AzureClientFactory';
import { listUserIdentities, type UserIdentityInfo } from '../../../domain/azure/userIdentities';
import { PickerPromptStep, type Answered } from './PickerPromptStep';

/** What differs between the flows that ask for the registry's identity; `A` is the flow's answer. */
export interface IdentityPicker<T, A> extends Answered<T> {
    /** The subscription whose user-assigned managed identities are listed. */
    where(context: T): { factory: AzureClientFactory; subscriptionId: string };
    /** Items above the listed identities: "Create new …" (create), or the current and the system-assigned identity (rotation). */
    first(context: T): IAzureQuickPickItem<A>[];
    /** The answer when a listed identity is picked. */
    choose(identity: UserIdentityInfo): A;
    /** A note beside a listed identity (rotation: whether the registry has it already). */
    note?(context: T, identity: UserIdentityInfo): string | undefined;
    answer(context: T, value: A | undefined): void;
}

/**
 * The identity the registry uses to reach its key: one prompt for every flow. Not azureutils'
 * UserAssignedIdentityListStep: see ResourceGroupPickStep for why.
 */
export class IdentityPickStep<T extends IActionContext, A> extends PickerPromptStep<T, IdentityPicker<T, A>> {
    constructor(picker: IdentityPicker<T, A>) {
        super(picker, 'identity');
    }

    async prompt(context: T): Promise<void> {
        const picked = await context.ui.showQuickPick(this.loadPicks(context), {
            placeHolder: vscode.l10n.t('Select the identity the registry uses to reach its key'),
        });
        this.picker.answer(context, picked.data);
    }

    private async loadPicks(context: T): Promise<IAzureQuickPickItem<A>[]> {
        const { factory, subscriptionId } = this.picker.where(context);
        const identities = await listUserIdentities(factory, subscriptionId);
        return [
            ...this.picker.first(context),
            ...identities.map((identity): IAzureQuickPickItem<A> => ({
                label: identity.name || identity.id,
                description: this.picker.note?.(context, identity),
                detail: vscode.l10n.t('Client ID {0} · resource group {1}', identity.clientId, identity.resourceGroup),
                data: this.picker.choose(identity),
            })),
        ];
    }
}
