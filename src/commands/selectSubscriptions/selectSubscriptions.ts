import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { readSubscriptionFilter, writeSubscriptionFilter } from '../../auth/subscriptionFilter';
import { applySubscriptionFilter } from '../../domain/subscriptions/listSubscriptions';
import type { CommandServices } from '../CommandServices';

/** Chooses which subscriptions the view shows; stored in `acrCmk.selectedSubscriptions` as `tenantId/subscriptionId`. */
export async function selectSubscriptions(context: IActionContext, services: CommandServices): Promise<string[]> {
    const source = await services.session.getSource();
    if (!(await source.isSignedIn())) {
        await source.signIn();
    }
    const all = await source.listAllSubscriptions();
    const selected = new Set(applySubscriptionFilter(all, readSubscriptionFilter()).map((target) => target.subscriptionId));
    const picks = all.map((target): IAzureQuickPickItem<string> => ({
        label: target.name,
        description: target.subscriptionId,
        picked: selected.has(target.subscriptionId),
        data: target.tenantId ? `${target.tenantId}/${target.subscriptionId}` : target.subscriptionId,
    }));
    // vscode-azext-utils ticks what `isPickSelected` says (a pick's own `picked` is not applied to a multi-select).
    const chosen = await context.ui.showQuickPick(picks, {
        canPickMany: true,
        title: vscode.l10n.t('Select Subscriptions'),
        placeHolder: vscode.l10n.t('Select the subscriptions to show'),
        suppressPersistence: true,
        isPickSelected: (pick) => (pick as IAzureQuickPickItem<string>).picked === true,
    });
    // Everything selected means "no filter", so new subscriptions appear without another visit here.
    const entries = chosen.length === all.length ? [] : chosen.map((pick) => pick.data);
    await writeSubscriptionFilter(entries);
    await services.tree.refresh();
    return entries;
}
