import * as vscode from 'vscode';
import type { AzureSession } from '../auth/AzureSession';
import type { SubscriptionTarget } from '../auth/SubscriptionSource';
import type { TelemetryRunner } from '../azext/AzExtRuntime';
import type { Fleet, FleetSourceSetting } from '../domain/fleet/readFleet';
import type { FleetWarning } from '../domain/fleet/report/fleetWarnings';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';
import { PromiseCache } from '../domain/util/PromiseCache';
import { MessageNode } from '../tree/MessageNode';
import type { RegistryChange } from '../tree/registryChanges';
import { childrenWithTelemetry } from '../tree/treeChildren';
import type { TreeNode } from '../tree/TreeNode';
import { KeyFactsCache } from './keyFactsCache';
import type { KeyInUseNode } from './keyNodes';
import type { FleetSnapshot } from './keysRoot';

/** Resource Graph lags Resource Manager: what a flow read back after a change is shown over its rows this long. */
const overlayLifetimeMs = 10 * 60 * 1000;

/**
 * The `acrCmk.keys` view: key vault → key → the registries that use it, across every selected subscription, read with
 * Resource Graph (or one listing per subscription where a cloud has none; `acrCmk.fleetSource`). It follows the same
 * changes as the registries view: a flow's fresh reading of a registry shows at once, a refresh reads the fleet again.
 */
export class KeysTreeDataProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    view?: vscode.TreeView<TreeNode>;
    private fleet?: Promise<{ fleet: Fleet; targets: readonly SubscriptionTarget[] }>;
    private readonly overlay = new Map<string, { registry: RegistrySummary; until: number }>();
    /** The rows handed to VS Code (kept so a reveal finds the same objects), until the next change. */
    private roots?: Promise<TreeNode[]>;
    private readonly following: vscode.Disposable;
    /** Key Vault's answers per key (vault host/key name), shared by the view's rows and the Registries view's marks. */
    private readonly facts = new KeyFactsCache();
    /** One entry, the fleet's warnings per registry. */
    private readonly warnings = new PromiseCache<'registries', ReadonlyMap<string, readonly FleetWarning[]>>(String);
    private readonly fleetChanged = new vscode.EventEmitter<void>();
    /** What the view knew of the fleet was dropped (a refresh, a flow's change): readers of its warnings read again. */
    readonly onDidChangeFleet = this.fleetChanged.event;

    constructor(
        private readonly session: AzureSession,
        onDidChangeRegistries: vscode.Event<RegistryChange>,
        private readonly telemetry: TelemetryRunner,
    ) {
        this.following = onDidChangeRegistries((change) => this.follow(change));
    }

    dispose(): void {
        this.following.dispose();
        this.changed.dispose();
        this.fleetChanged.dispose();
    }

    getTreeItem(node: TreeNode): vscode.TreeItem {
        return node.getTreeItem();
    }

    getParent(node: TreeNode): TreeNode | undefined {
        return node.parent;
    }

    async getChildren(node?: TreeNode): Promise<TreeNode[]> {
        return childrenWithTelemetry(this.telemetry, 'acrCmk.keys.getChildren', node, () => (this.roots ??= this.getRoot()));
    }

    refresh(): void {
        this.fleet = undefined;
        this.roots = undefined;
        this.facts.clear();
        this.warnings.clear();
        this.changed.fire(undefined);
        this.fleetChanged.fire();
    }

    /**
     * Registry id (lower case) → the fleet warnings that reach it, for the Registries view's marks: from the fleet this
     * view reads (Resource Graph) and each key's facts (read once per key, shared with the view's rows), read when first
     * asked and kept until the fleet changes.
     */
    registryWarnings(): Promise<ReadonlyMap<string, readonly FleetWarning[]>> {
        return this.warnings.get('registries', async () => (await import('./keysRoot.js')).fleetWarningIndex(await this.fleetSnapshot(), this.facts));
    }

    /** Opens the view on a key: expanded, selected, its registries listed; how many registries use it. */
    async revealKey(vaultUrl: string, keyName: string): Promise<number | undefined> {
        return (await this.reveal(true, (roots, rows) => rows.findKeyNode(roots, vaultUrl, keyName)))?.key.users.length;
    }

    /** Opens the view on a key vault: selected, its keys expanded with their registries; how many registries use them. */
    async revealVault(vaultUrl: string): Promise<number | undefined> {
        return (await this.reveal(2, (roots, rows) => rows.findVaultNode(roots, vaultUrl)))?.registries;
    }

    /** Selects a registry's row under its key; false when the view does not hold it. */
    async revealKeyUser(vaultUrl: string, keyName: string, registryId: string): Promise<boolean> {
        return (await this.reveal(false, (roots, rows) => rows.findKeyUserNode(roots, vaultUrl, keyName, registryId))) !== undefined;
    }

    /** Every key row of the view (each vault's keys read), for a command run from the palette to pick one. */
    async keysInUse(): Promise<KeyInUseNode[]> {
        return (await import('./keysRoot.js')).keyNodesOf(await (this.roots ??= this.getRoot()));
    }

    /**
     * Opens the view on the row `find` finds among its rows: selected, focused, expanded `expand` levels. Undefined when
     * the view does not hold it (another subscription, or the fleet was read before it was in use).
     */
    private async reveal<T extends TreeNode>(
        expand: boolean | number,
        find: (roots: TreeNode[], rows: typeof import('./keysRoot.js')) => Promise<T | undefined>,
    ): Promise<T | undefined> {
        await vscode.commands.executeCommand('acrCmk.keys.focus');
        // The fleet modules load with the view's first use, not with activation.
        const row = await find(await (this.roots ??= this.getRoot()), await import('./keysRoot.js'));
        if (row) {
            await this.view?.reveal(row, { select: true, focus: true, expand });
        }
        return row;
    }

    /** The fleet as the view holds it (see FleetSnapshot). */
    async fleetSnapshot(): Promise<FleetSnapshot> {
        this.fleet ??= this.load();
        const { fleet, targets } = await this.fleet;
        const byId = new Map(targets.map((target) => [target.subscriptionId.toLowerCase(), target]));
        return {
            fleet: { ...fleet, registries: this.withOverlay(fleet.registries) },
            factoryOf: (subscriptionId) => (byId.get(subscriptionId?.toLowerCase() ?? '') ?? targets[0]!).factory,
            subscriptionName: (subscriptionId) => byId.get(subscriptionId.toLowerCase())?.name ?? subscriptionId,
        };
    }

    private follow(change: RegistryChange): void {
        if (change.scope !== 'registry') {
            this.refresh();
            return;
        }
        this.warnings.clear();
        if (change.registry) {
            this.overlay.set(change.registry.id.toLowerCase(), { registry: change.registry, until: Date.now() + overlayLifetimeMs });
            this.roots = undefined;
            // The key it uses now may have changed too (a rotation makes a new version): read again; the other keys are as they were.
            const key = change.registry.encryption.status === 'enabled' ? change.registry.encryption.key : undefined;
            if (key) {
                this.facts.forget(key);
            }
            this.changed.fire(undefined);
        } else {
            // A flow marked a registry without reading it back (Revoke, Restore: a key version disabled or enabled again):
            // the key facts are read again for the warnings; the view's rows stay until its next change.
            this.facts.clear();
        }
        this.fleetChanged.fire();
    }

    private async getRoot(): Promise<TreeNode[]> {
        try {
            const source = await this.session.getSource();
            if (!(await source.isSignedIn())) {
                return [MessageNode.signIn('acrCmk.keys')];
            }
            const snapshot = await this.fleetSnapshot();
            if (this.view) {
                const { source, graphFailure } = snapshot.fleet;
                this.view.description =
                    source === 'resourceGraph'
                        ? vscode.l10n.t('Resource Graph')
                        : graphFailure
                          ? vscode.l10n.t('Resource Manager (Resource Graph unavailable)')
                          : vscode.l10n.t('Resource Manager');
            }
            // The fleet modules load with the view's first use, not with activation.
            const nodes = (await import('./keysRoot.js')).vaultNodes(snapshot, (node) => this.changed.fire(node), this.facts);
            return nodes.length > 0
                ? nodes
                : [new MessageNode('acrCmk.keys/empty', 'empty', vscode.l10n.t('No registry in the selected subscriptions uses a customer-managed key.'))];
        } catch (error) {
            this.fleet = undefined;
            return [MessageNode.error('acrCmk.keys', error)];
        }
    }

    private async load(): Promise<{ fleet: Fleet; targets: readonly SubscriptionTarget[] }> {
        const targets = await this.session.listSubscriptions();
        const setting = vscode.workspace.getConfiguration('acrCmk').get<FleetSourceSetting>('fleetSource', 'auto');
        const { readFleet } = await import('../domain/fleet/readFleet.js');
        const loading = readFleet(targets, setting);
        loading.catch(() => {
            this.fleet = undefined;
        });
        return { fleet: await loading, targets };
    }

    private withOverlay(registries: readonly RegistrySummary[]): RegistrySummary[] {
        const now = Date.now();
        for (const [id, entry] of this.overlay) {
            if (entry.until < now) {
                this.overlay.delete(id);
            }
        }
        const listed = registries.map((registry) => this.overlay.get(registry.id.toLowerCase())?.registry ?? registry);
        const known = new Set(listed.map((registry) => registry.id.toLowerCase()));
        return [...listed, ...[...this.overlay.values()].map((entry) => entry.registry).filter((registry) => !known.has(registry.id.toLowerCase()))];
    }
}
