import * as vscode from 'vscode';
import type { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import { formatKeyIdentifier } from '../domain/keys/keyIdentifier';
import { pinnedVersionMade, type KeyFacts, type KeyHealth, type KeyInUse, type KeyUser, type VaultInUse } from '../domain/fleet/keysInUse';
import { keyWarnings, registryWarnings, vaultWarnings, type FleetWarning } from '../domain/fleet/report/fleetWarnings';
import { mapWithConcurrency } from '../domain/util/mapWithConcurrency';
import { fleetWarningText } from '../l10n/fleetWarningText';
import { readVaultAudit } from '../domain/audit/vaultAudit';
import { VaultAuditRow } from './vaultAuditRow';
import { severityIcon } from '../tree/keyAccessMarks';
import type { TreeNode } from '../tree/TreeNode';

const keysText = (count: number): string => (count === 1 ? vscode.l10n.t('1 key in use') : vscode.l10n.t('{0} keys in use', count));
const registriesText = (count: number): string => (count === 1 ? vscode.l10n.t('1 registry') : vscode.l10n.t('{0} registries', count));
const shortVersion = (version: string | undefined): string => (version ? `${version.slice(0, 8)}…` : '');

/** A row's tooltip: what it is, then each fleet warning about it (the same words as the fleet key report). */
function tooltipWith(what: string, warnings: readonly FleetWarning[]): string {
    return [what, ...warnings.map((warning) => `⚠ ${fleetWarningText(warning)}`)].join('\n');
}

/** A key vault holding keys registries use: its keys (their state read from Key Vault when expanded). */
export class VaultInUseNode implements TreeNode {
    readonly id: string;
    /** Where the vault's audit logs go (vaults of the selected subscriptions only): read with its keys, shown in the description. */
    readonly audit?: VaultAuditRow;

    constructor(
        readonly entry: VaultInUse,
        readonly factory: AzureClientFactory,
        readonly subscriptionName: (subscriptionId: string) => string,
        redraw: (node: VaultInUseNode) => void,
        /** A key's facts: from the view's cache, shared with the Registries view's marks. */
        private readonly readFacts: (key: KeyInUse) => Promise<KeyFacts>,
    ) {
        this.id = `acrCmk.keys/${entry.vaultUrl.toLowerCase()}`;
        const vault = entry.vault;
        this.audit = vault
            ? new VaultAuditRow(
                  () => readVaultAudit(factory, vault),
                  () => redraw(this),
              )
            : undefined;
    }

    /** How many registries use its keys. */
    get registries(): number {
        return this.entry.keys.reduce((count, key) => count + key.users.length, 0);
    }

    getTreeItem(): vscode.TreeItem {
        const item = new vscode.TreeItem(this.entry.vaultName, vscode.TreeItemCollapsibleState.Expanded);
        item.id = this.id;
        item.iconPath = new vscode.ThemeIcon('key');
        const notes = [`${keysText(this.entry.keys.length)} · ${registriesText(this.registries)}`];
        if (this.entry.vault) {
            notes.push(this.entry.vault.enableRbacAuthorization ? vscode.l10n.t('Azure RBAC') : vscode.l10n.t('access policies'));
            if (!this.entry.vault.enablePurgeProtection) {
                notes.push(vscode.l10n.t('⚠ no purge protection'));
            }
        } else {
            notes.push(vscode.l10n.t('not in the selected subscriptions'));
        }
        item.description = [...notes, this.audit?.description()].filter(Boolean).join(' · ');
        item.tooltip = [tooltipWith(this.entry.vault?.id ?? this.entry.vaultUrl, vaultWarnings(this.entry.vault)), this.audit?.tooltip()]
            .filter(Boolean)
            .join('\n');
        item.contextValue = 'acrCmk.keys.vault';
        return item;
    }

    /** Read once per row object (the view makes new rows on a change): a reveal and VS Code's own expansion share it. */
    private children?: Promise<TreeNode[]>;

    getChildren(): Promise<TreeNode[]> {
        this.audit?.load();
        this.children ??= mapWithConcurrency([...this.entry.keys], 4, (key) => this.readFacts(key)).then((facts) =>
            this.entry.keys.map((key, index) => new KeyInUseNode(this, key, facts[index]!)),
        );
        this.children.catch(() => {
            this.children = undefined;
        });
        return this.children;
    }
}

/** A key in use: its state (enabled, expiry, rotation policy) and the registries that use it, from any subscription. */
export class KeyInUseNode implements TreeNode {
    readonly id: string;

    constructor(
        readonly parent: VaultInUseNode,
        readonly key: KeyInUse,
        readonly facts: KeyFacts,
    ) {
        this.id = `${parent.id}/${key.keyName.toLowerCase()}`;
    }

    get health(): KeyHealth {
        return this.facts.health;
    }

    getTreeItem(): vscode.TreeItem {
        const item = new vscode.TreeItem(this.key.keyName, vscode.TreeItemCollapsibleState.Expanded);
        item.id = this.id;
        const warnings = keyWarnings(this.health, new Date());
        item.iconPath = warnings.length > 0 ? severityIcon('warning') : new vscode.ThemeIcon('key');
        item.description = [registriesText(this.key.users.length), healthText(this.health)].filter(Boolean).join(' · ');
        item.tooltip = tooltipWith(formatKeyIdentifier({ vaultUrl: this.key.vaultUrl, vaultName: this.key.vaultName, keyName: this.key.keyName }), warnings);
        item.contextValue = 'acrCmk.keys.key';
        return item;
    }

    /** Made once per row object, so a reveal finds the objects VS Code was given. */
    private children?: KeyUserNode[];

    async getChildren(): Promise<TreeNode[]> {
        this.children ??= this.key.users.map((user) => new KeyUserNode(this, user));
        return this.children;
    }
}

/** A registry using the key: pinned version or versionless (and the version in use), and the identity it reaches the key with. */
export class KeyUserNode implements TreeNode {
    readonly id: string;

    constructor(
        readonly parent: KeyInUseNode,
        readonly user: KeyUser,
    ) {
        this.id = `${parent.id}/${user.registry.id.toLowerCase()}`;
    }

    getTreeItem(): vscode.TreeItem {
        const { registry, encryption } = this.user;
        const item = new vscode.TreeItem(registry.name, vscode.TreeItemCollapsibleState.None);
        item.id = this.id;
        const warnings = registryWarnings(this.user, this.parent.health, pinnedVersionMade(this.user, this.parent.facts), new Date());
        item.iconPath = warnings.length > 0 ? severityIcon('warning') : new vscode.ThemeIcon('package');
        const version = versionText(encryption, this.parent.health);
        const identity =
            encryption.identity?.kind === 'system'
                ? vscode.l10n.t('system-assigned identity')
                : encryption.identity?.kind === 'user'
                  ? vscode.l10n.t('identity "{0}"', encryption.identity.name)
                  : vscode.l10n.t('⚠ identity not assigned to the registry');
        item.description = [version, identity, vscode.l10n.t('subscription "{0}"', this.parent.parent.subscriptionName(registry.subscriptionId))].join(' · ');
        item.tooltip = tooltipWith(registry.id, warnings);
        item.contextValue = 'acrCmk.keys.registry';
        item.command = { title: vscode.l10n.t('Show Encryption'), command: 'acrCmk.showEncryption', arguments: [registry.id] };
        return item;
    }
}

function healthText(health: KeyHealth): string {
    if (health.unreadable) {
        return vscode.l10n.t('state not readable: {0}', health.unreadable.split('\n')[0]!.slice(0, 120));
    }
    if (health.lookup.kind === 'softDeleted') {
        return vscode.l10n.t('⚠ deleted (recoverable)');
    }
    if (health.lookup.kind === 'missing') {
        return vscode.l10n.t('⚠ not found');
    }
    const state = health.lookup.state;
    const parts: string[] = [state.enabled ? vscode.l10n.t('enabled') : vscode.l10n.t('⚠ disabled')];
    if (state.expiresOn) {
        const days = Math.floor((state.expiresOn.getTime() - Date.now()) / 86_400_000);
        const day = state.expiresOn.toISOString().slice(0, 10);
        parts.push(
            days < 0
                ? vscode.l10n.t('⚠ expired {0}', day)
                : days < 30
                  ? vscode.l10n.t('⚠ expires {0} (in {1} days)', day, days)
                  : vscode.l10n.t('expires {0}', day),
        );
    }
    if (health.rotation?.autoRotates) {
        parts.push(vscode.l10n.t('rotation policy: {0}', health.rotation.interval ?? ''));
    }
    return parts.join(' · ');
}

const hourMs = 60 * 60 * 1000;

/**
 * Which version the registry uses, against the key's latest: a pinned registry on an older version says which is
 * latest; a versionless one that has not moved to the latest yet is flagged — ACR picks a new version up within an
 * hour, so past that hour it is a problem (a rotation with the same key brings it over at once).
 */
function versionText(encryption: KeyUser['encryption'], health: KeyHealth): string {
    const current = encryption.currentVersion;
    const latest = health.lookup.kind === 'found' ? health.lookup.state : undefined;
    const behind = !!latest?.version && !!current && latest.version.toLowerCase() !== current.toLowerCase();
    if (encryption.rotation === 'manual') {
        return behind
            ? vscode.l10n.t('pinned to version {0} (latest is {1})', shortVersion(current), shortVersion(latest!.version))
            : vscode.l10n.t('pinned to version {0}', shortVersion(current));
    }
    if (!behind) {
        return vscode.l10n.t('versionless, now version {0}', shortVersion(current));
    }
    const ageMs = latest!.createdOn ? Date.now() - latest!.createdOn.getTime() : undefined;
    return ageMs !== undefined && ageMs < hourMs
        ? vscode.l10n.t('versionless, still on version {0}: new version {1} is picked up within an hour', shortVersion(current), shortVersion(latest!.version))
        : vscode.l10n.t(
              '⚠ versionless, still on version {0}: version {1} was not picked up (over an hour); Rotate Key with the same key applies it',
              shortVersion(current),
              shortVersion(latest!.version),
          );
}
