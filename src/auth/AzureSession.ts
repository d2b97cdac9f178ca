import * as vscode from 'vscode';
import type { ClientOptions } from '../domain/clients/ClientOptions';
import { applySubscriptionFilter } from '../domain/subscriptions/listSubscriptions';
import { PromiseCache } from '../domain/util/PromiseCache';
import { createIdentitySubscriptionSource } from './identitySubscriptionSource';
import { assertVSCodeAccountCloud, readCloudConfig } from './readCloudConfig';
import { readSubscriptionFilter } from './subscriptionFilter';
import type { CredentialKind, SubscriptionSource, SubscriptionTarget } from './SubscriptionSource';
import { createVSCodeSubscriptionSource } from './vscodeSubscriptionSource';

export const sessionSettings = ['acrCmk.cloud', 'acrCmk.customCloud', 'acrCmk.credential', 'microsoft-sovereign-cloud'];
export const filterSettings = ['acrCmk.selectedSubscriptions', 'azureResourceGroups.selectedSubscriptions'];

/** Owns the current credential source, rebuilt when the cloud or credential settings change. */
export class AzureSession implements vscode.Disposable {
    /** One source at a time; a failed creation (bad settings) is not kept: the next call reads the settings again. */
    private readonly source = new PromiseCache<void, SubscriptionSource & Partial<vscode.Disposable>>(() => '');

    constructor(
        private readonly log: vscode.LogOutputChannel | undefined,
        private readonly options?: ClientOptions,
    ) {}

    getSource(): Promise<SubscriptionSource> {
        return this.source.get(undefined, () => this.createSource());
    }

    /** Subscriptions after the shared filter (`acrCmk.selectedSubscriptions`, else the Azure sidebar's). */
    async listSubscriptions(): Promise<SubscriptionTarget[]> {
        const all = await (await this.getSource()).listAllSubscriptions();
        return applySubscriptionFilter(all, readSubscriptionFilter()).sort((a, b) => a.name.localeCompare(b.name));
    }

    reset(): void {
        const previous = this.source.peek();
        this.source.clear();
        void previous?.then(
            (source) => source.dispose?.(),
            () => undefined,
        );
    }

    dispose(): void {
        this.reset();
    }

    private async createSource(): Promise<SubscriptionSource & Partial<vscode.Disposable>> {
        const cloud = await readCloudConfig();
        const kind = vscode.workspace.getConfiguration('acrCmk').get<CredentialKind>('credential', 'vscode');
        if (kind === 'azureCli' || kind === 'environment') {
            return createIdentitySubscriptionSource(kind, cloud, this.options);
        }
        assertVSCodeAccountCloud(cloud);
        return createVSCodeSubscriptionSource(cloud, this.log, this.options);
    }
}
