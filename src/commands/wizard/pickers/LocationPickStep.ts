import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { listLocations } from '../../../domain/azure/locations';
import type { AzureClientFactory } from '../../../domain/clients/AzureClientFactory';
import { AnswerPromptStep } from '../AnswerPromptStep';

/** What differs between the flows that ask for a location. */
export interface LocationPicker<T> {
    /** The subscription whose locations are listed. */
    where(context: T): { factory: AzureClientFactory; subscriptionId: string };
    answered(context: T): boolean;
    /** Stores the location's name (`westeurope`); `undefined` clears it (Back). */
    answer(context: T, location: string | undefined): void;
}

/** The Azure region for what a flow creates. Not azureutils' LocationListStep: see ResourceGroupPickStep for why. */
export class LocationPickStep<T extends IActionContext> extends AnswerPromptStep<T> {
    /** @param question the step-count question it answers (create counts it with the resource group). */
    constructor(
        private readonly picker: LocationPicker<T>,
        readonly question = 'location',
    ) {
        super();
    }

    protected clearAnswer(context: T): void {
        this.picker.answer(context, undefined);
    }

    async prompt(context: T): Promise<void> {
        const picked = await context.ui.showQuickPick(this.loadPicks(context), { placeHolder: vscode.l10n.t('Select a location') });
        this.picker.answer(context, picked.data);
    }

    shouldPrompt(context: T): boolean {
        return !this.picker.answered(context);
    }

    private async loadPicks(context: T): Promise<IAzureQuickPickItem<string>[]> {
        const { factory, subscriptionId } = this.picker.where(context);
        const locations = await listLocations(factory, subscriptionId);
        return locations.map((location) => ({ label: location.displayName, description: location.name, data: location.name }));
    }
}
