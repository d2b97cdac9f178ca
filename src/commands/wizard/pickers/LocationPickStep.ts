import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { listLocations } from '../../../domain/azure/locations';
import type { AzureClientFactory } from '../../../domain/clients/AzureClientFactory';
import { PickerPromptStep, type Answered } from './PickerPromptStep';

/** What differs between the flows that ask for a location. */
export interface LocationPicker<T> extends Answered<T> {
    /** The subscription whose locations are listed. */
    where(context: T): { factory: AzureClientFactory; subscriptionId: string };
    /** Stores the location's name (`westeurope`); `undefined` clears it (Back). */
    answer(context: T, location: string | undefined): void;
}

/** The Azure region for what a flow creates. Not azureutils' LocationListStep: see ResourceGroupPickStep for why. */
export class LocationPickStep<T extends IActionContext> extends PickerPromptStep<T, LocationPicker<T>> {
    constructor(picker: LocationPicker<T>, question = 'location') {
        super(picker, question);
    }

    async prompt(context: T): Promise<void> {
        const picked = await context.ui.showQuickPick(this.loadPicks(context), { placeHolder: vscode.l10n.t('Select a location') });
        this.picker.answer(context, picked.data);
    }

    private async loadPicks(context: T): Promise<IAzureQuickPickItem<string>[]> {
        const { factory, subscriptionId } = this.picker.where(context);
        const locations = await listLocations(factory, subscriptionId);
        return locations.map((location) => ({ label: location.displayName, description: location.name, data: location.name }));
    }
}
