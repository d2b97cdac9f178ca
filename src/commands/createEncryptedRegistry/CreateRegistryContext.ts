import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { SubscriptionTarget } from '../../auth/SubscriptionSource';
import type { VaultInfo } from '../../domain/access/VaultInfo';
import type { CreatePlan } from '../../domain/create/CreatePlan';
import type { CreateResult } from '../../domain/create/executeCreate';
import type { CommandServices } from '../CommandServices';

/** The answers the wizard's prompts collect, and what the flow learns on the way. */
export interface CreateRegistryContext extends IActionContext {
    readonly services: CommandServices;
    subscription?: SubscriptionTarget;
    resourceGroup?: { name: string; create: boolean };
    location?: string;
    registryName?: string;
    identity?: { kind: 'new'; name: string } | { kind: 'existing'; id: string };
    vault?: CreatePlan['vault'];
    key?: { kind: 'new'; name: string; keyType?: 'RSA' | 'RSA-HSM'; keySize?: 2048 | 3072 | 4096 } | { kind: 'existing'; name: string; version?: string };
    versionless?: boolean;
    /** The summary was answered (Create, or Export ARM Template…). */
    confirmed?: boolean;
    /** The existing vault picked (its SKU decides whether HSM keys are offered). */
    vaultInfo?: VaultInfo;
    /** The user chose "Export ARM Template" at the summary instead of creating. */
    exportOnly?: boolean;
    /** The summary's "Export ARM Template…" was chosen (Create's summary offers it too). */
    exportChosen?: boolean;
    /** What to do with the exported template (asked after the summary). */
    exportAction?: 'save' | 'deploy' | 'open';
    /** The read-only checks (names, vault, key) passed for the current answers. */
    preflightDone?: boolean;
    result?: CreateResult;
}

/** The plan once every answer is there. */
export function planOf(context: CreateRegistryContext): CreatePlan {
    // Every prompt step has run before the summary and execute steps ask for the plan.
    const subscription = context.subscription!;
    return {
        subscriptionId: subscription.subscriptionId,
        location: context.location!,
        resourceGroup: context.resourceGroup!,
        registry: { name: context.registryName!, sku: 'Premium' },
        identity: context.identity!,
        vault: context.vault!,
        key: context.key!,
        versionless: context.versionless ?? true,
        tenantId: subscription.tenantId,
    };
}
