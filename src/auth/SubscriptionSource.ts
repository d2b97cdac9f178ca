import type { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import type { CloudConfig } from '../domain/cloud/CloudConfig';
import type { SubscriptionInfo } from '../domain/subscriptions/listSubscriptions';

export type CredentialKind = 'vscode' | 'azureCli' | 'environment';

/** A subscription the signed-in principal can use, with a client factory bound to its credential. */
export interface SubscriptionTarget extends SubscriptionInfo {
    readonly factory: AzureClientFactory;
}

/** Where subscriptions and credentials come from (`acrCmk.credential`). */
export interface SubscriptionSource {
    readonly kind: CredentialKind;
    readonly cloud: CloudConfig;
    isSignedIn(): Promise<boolean>;
    /** Interactive sign-in; returns whether the user is signed in afterwards. */
    signIn(): Promise<boolean>;
    /** Every subscription, before any filter (for Select Subscriptions). */
    listAllSubscriptions(): Promise<SubscriptionTarget[]>;
}
