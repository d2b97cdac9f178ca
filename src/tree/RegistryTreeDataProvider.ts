import * as vscode from 'vscode';
import type { AzureSession } from '../auth/AzureSession';
import type { TelemetryRunner } from '../azext/AzExtRuntime';
import { getRegistry } from '../domain/registries/getRegistry';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';
import { FleetWarningMarks } from './fleetWarningMarks';
import { KeyAccessMarks, type KeyAccessMark } from './keyAccessMarks';
import { MessageNode } from './MessageNode';
import type { RegistryInventory } from './RegistryInventory';
import { RegistryNode } from './RegistryNode';
import { subscriptionOfRegistry, type RegistryChange } from './registryChanges';
import { registryRowItem } from './registryRow';
import { SubscriptionNode } from './SubscriptionNode';
import { childrenWithTelemetry } from './treeChildren';
import type { TreeNode } from './TreeNode';

/** The `acrCmk.registries` view: subscriptions → registries → encryption details, plus state rows. */
export class RegistryTreeDataProvider implements vscode.TreeDataProvider<TreeNode> {
    private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly registriesChanged = new vscode.EventEmitter<RegistryChange>();
    /** Every change of what is known about registries (the sidebar's branch follows it too). */
    readonly onDidChangeRegistries = this.registriesChanged.event;
    private readonly marksRedrawn = new vscode.EventEmitter<readonly string[]>();
    /** Registries whose marks changed with nothing else known to have changed (the sidebar's branch redraws them too). */
    readonly onDidRedrawRegistries = this.marksRedrawn.event;
    /** Set by extension.ts once the view exists; shows "loading" while the root loads. */
    view?: vscode.TreeView<TreeNode>;

    /** `inventory`: the subscriptions and registry lists this view shows, which the sidebar's branch reads too. */
    constructor(
        private readonly session: AzureSession,
        readonly inventory: RegistryInventory,
        private readonly telemetry: TelemetryRunner,
    ) {}

    /** The subscription rows handed to VS Code, by id (see SubscriptionNode.rows): kept so refresh and reveal find them. */
    private readonly subscriptionRows = new Map<string, SubscriptionNode>();

    /** Key access state learnt by Revoke / Restore / Diagnose, shown on registry rows (see keyAccessMarks.ts). */
    readonly keyAccessMarks = new KeyAccessMarks();

    /** Fleet warnings (the Keys view's model) on registry rows, read lazily after the rows are shown (see fleetWarningMarks.ts). */
    readonly fleetMarks = new FleetWarningMarks((registryIds) => this.redrawRegistries(registryIds));

    getTreeItem(node: TreeNode): vscode.TreeItem {
        return node instanceof RegistryNode ? registryRowItem(node, this) : node.getTreeItem();
    }

    /** Redraws the rows VS Code shows for these registries, in this view and the sidebar's branch (no new Azure call). */
    private redrawRegistries(registryIds: readonly string[]): void {
        this.marksRedrawn.fire(registryIds);
        registryIds.flatMap((id) => this.registryRow(id) ?? []).forEach((row) => this.changed.fire(row));
    }

    /** Records a registry's key access mark and redraws the rows from the cached lists (no new Azure call). */
    markKeyAccess(registryId: string, mark: KeyAccessMark | undefined): void {
        this.keyAccessMarks.set(registryId, mark);
        this.redrawKeyAccessMarks([registryId]);
    }

    /** After setting marks directly: one redraw, of these registries (Diagnose) or of everything (Diagnose All). */
    redrawKeyAccessMarks(registryIds?: readonly string[]): void {
        this.changed.fire(undefined);
        if (!registryIds) {
            this.registriesChanged.fire({ scope: 'all' });
            return;
        }
        for (const registryId of registryIds) {
            this.registriesChanged.fire({ scope: 'registry', registryId });
        }
    }

    /** The row VS Code shows for a registry, once its subscription was listed. */
    private registryRow(registryId: string): RegistryNode | undefined {
        return this.subscriptionRows.get(subscriptionOfRegistry(registryId))?.registryRow(registryId);
    }

    getParent(node: TreeNode): TreeNode | undefined {
        return node.parent;
    }

    async getChildren(node?: TreeNode): Promise<TreeNode[]> {
        return childrenWithTelemetry(this.telemetry, 'acrCmk.getChildren', node, () => this.getRootChildren());
    }

    /**
     * Shows a registry a flow created or changed: re-lists its subscription, then reveals and selects its row (the
     * same objects VS Code was given, so `reveal` can resolve them). False when its subscription is not in the view.
     */
    async revealRegistry(registryId: string): Promise<boolean> {
        // The rows VS Code shows, without a "loading" message of its own (the view is not reloading).
        await this.loadRoot();
        const subscription = this.subscriptionRows.get(subscriptionOfRegistry(registryId));
        if (!subscription) {
            await this.refresh();
            return false;
        }
        await this.refresh(subscription);
        await this.getChildren(subscription);
        const row = subscription.registryRow(registryId);
        if (row && this.view?.visible) {
            await this.view.reveal(row, { select: true, focus: false, expand: false });
        }
        return row !== undefined;
    }

    /**
     * A flow changed a registry and read it back: the tree shows that reading at once (its cached list and its row, if
     * VS Code has it, selected), with no new list call.
     */
    showChangedRegistry(registry: RegistrySummary): void {
        this.inventory.replaceRegistry(registry);
        this.registriesChanged.fire({ scope: 'registry', registryId: registry.id, registry });
        const row = this.registryRow(registry.id);
        if (row) {
            row.registry = registry;
            this.changed.fire(row);
            if (this.view?.visible) {
                void this.view.reveal(row, { select: true, focus: false, expand: false });
            }
        }
    }

    /** Refresh everything (no node), one subscription, or one registry (a single GET). */
    async refresh(node?: TreeNode): Promise<void> {
        if (node instanceof MessageNode && node.parent) {
            return this.refresh(node.parent);
        }
        if (node instanceof SubscriptionNode) {
            // Refresh re-reads: what a flow learnt about these registries' key access is dropped with their list.
            this.keyAccessMarks.forgetProblems(`${node.id}/`);
            this.inventory.clearSubscription(node.target.subscriptionId);
            this.changed.fire(node);
            this.registriesChanged.fire({ scope: 'subscription', subscriptionId: node.target.subscriptionId });
            return;
        }
        if (node instanceof RegistryNode) {
            this.keyAccessMarks.set(node.registry.id, undefined);
            node.registry = await getRegistry(node.factory, node.registry.id);
            this.inventory.replaceRegistry(node.registry);
            this.changed.fire(node);
            this.registriesChanged.fire({ scope: 'registry', registryId: node.registry.id, registry: node.registry });
            return;
        }
        this.keyAccessMarks.forgetProblems();
        this.inventory.clear();
        this.changed.fire(undefined);
        this.registriesChanged.fire({ scope: 'all' });
    }

    /** Root loads under way: the "Loading subscriptions…" message shows while there is one (loads can overlap). */
    private rootLoads = 0;

    private async getRootChildren(): Promise<TreeNode[]> {
        if (this.view && this.rootLoads++ === 0) {
            this.view.message = vscode.l10n.t('Loading subscriptions…');
        }
        try {
            return await this.loadRoot();
        } finally {
            if (this.view && --this.rootLoads === 0) {
                this.view.message = undefined;
            }
        }
    }

    private async loadRoot(): Promise<TreeNode[]> {
        try {
            const source = await this.session.getSource();
            if (!(await source.isSignedIn())) {
                return [MessageNode.signIn('acrCmk')];
            }
            const subscriptions = await this.inventory.getSubscriptions();
            if (subscriptions.length === 0) {
                const select = { title: vscode.l10n.t('Select Subscriptions'), command: 'acrCmk.selectSubscriptions' };
                return [new MessageNode('acrCmk/noSubscriptions', 'noSubscriptions', vscode.l10n.t('No subscriptions found. Select subscriptions…'), select)];
            }
            return subscriptions.map((target) => {
                const key = target.subscriptionId.toLowerCase();
                const known = this.subscriptionRows.get(key);
                // A new sign-in or credential makes a new target: its row starts afresh.
                const row = known?.target === target ? known : new SubscriptionNode(target, this.inventory);
                this.subscriptionRows.set(key, row);
                return row;
            });
        } catch (error) {
            return [(error as { isNotSignedInError?: boolean }).isNotSignedInError ? MessageNode.signIn('acrCmk') : MessageNode.error('acrCmk', error)];
        }
    }
}
