import type * as vscode from 'vscode';
import { fleetMarkSeverity, fleetWarningSeverity, type FleetWarning } from '../domain/fleet/report/fleetWarnings';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';
import { fleetWarningMarkLabel, fleetWarningText } from '../l10n/fleetWarningText';
import { addRowMark, severityIcon } from './keyAccessMarks';

/** Where the marks come from: the Keys view's fleet (Resource Graph) and key facts, and when it changes. */
export interface FleetWarningsSource {
    registryWarnings(): Promise<ReadonlyMap<string, readonly FleetWarning[]>>;
    readonly onDidChangeFleet: vscode.Event<void>;
}

/**
 * The fleet warnings reaching each registry of the Registries view and the Azure sidebar's branch. Nothing is read with
 * the registries' listing: the first CMK row drawn asks the Keys view's fleet for them (two Resource Graph queries and
 * one Key Vault read per key in use, shared with the Keys view), and the rows that gained or lost a mark are redrawn when
 * the answer comes. A change of the fleet (a refresh, a flow's change) makes what is known stale: the marked rows are
 * redrawn, and the next row drawn reads again — nothing is read while no row is drawn (a hidden view, a view showing a
 * sign-in error). A failed read shows no marks and is not retried until the fleet changes.
 */
export class FleetWarningMarks implements vscode.Disposable {
    private source?: FleetWarningsSource;
    private following?: vscode.Disposable;
    private known?: ReadonlyMap<string, readonly FleetWarning[]>;
    /** `stale`: the fleet changed since `known` was read (or while it was being read). */
    private state: 'idle' | 'reading' | 'stale' | 'failed' = 'idle';
    private reads = 0;

    constructor(private readonly redraw: (registryIds: readonly string[]) => void) {}

    readFrom(source: FleetWarningsSource): void {
        this.following?.dispose();
        this.source = source;
        this.following = source.onDidChangeFleet(() => this.stale());
    }

    dispose(): void {
        this.following?.dispose();
    }

    /** The warnings of a registry, when read; the first CMK registry asked about starts the read. */
    get(registry: RegistrySummary): readonly FleetWarning[] | undefined {
        if (registry.encryption.status !== 'enabled' || !this.source) {
            return undefined;
        }
        if (this.state === 'stale' || (!this.known && this.state === 'idle')) {
            this.read();
        }
        return this.known?.get(registry.id.toLowerCase());
    }

    /** Marks were asked for and the fleet changed: an answer under way is of the old fleet; the marked rows ask again. */
    private stale(): void {
        if (!this.known && this.state === 'idle') {
            return;
        }
        this.reads += 1;
        this.state = 'stale';
        if (this.known && this.known.size > 0) {
            this.redraw([...this.known.keys()]);
        }
    }

    private read(): void {
        const source = this.source;
        if (!source) {
            return;
        }
        const read = ++this.reads;
        this.state = 'reading';
        source.registryWarnings().then(
            (next) => {
                if (read !== this.reads) {
                    return; // a newer read is under way
                }
                const before = this.known;
                this.known = next;
                this.state = 'idle';
                const ids = new Set([...(before?.keys() ?? []), ...next.keys()]);
                const changed = [...ids].filter((id) => !sameWarnings(before?.get(id), next.get(id)));
                if (changed.length > 0) {
                    this.redraw(changed);
                }
            },
            () => {
                if (read === this.reads) {
                    this.state = 'failed'; // no marks, and no new read until the fleet changes
                }
            },
        );
    }
}

const sameWarnings = (a: readonly FleetWarning[] | undefined, b: readonly FleetWarning[] | undefined): boolean =>
    JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/**
 * Adds the fleet warnings to a registry row as keyAccessMarks.ts adds key access: a warning or error icon in its theme
 * colour, a description suffix, one tooltip line per warning (the Keys view's and the report's words) and a
 * contextValue part (`;fleet:warning`, `;fleet:error`).
 */
export function decorateFleetWarnings(item: vscode.TreeItem, warnings: readonly FleetWarning[] | undefined): vscode.TreeItem {
    const severity = fleetMarkSeverity(warnings);
    if (!warnings || !severity) {
        return item;
    }
    const lines = warnings.map((warning) => ({ icon: fleetWarningSeverity(warning), text: fleetWarningText(warning) }));
    return addRowMark(item, fleetWarningMarkLabel(warnings.length), severityIcon(severity), `fleet:${severity}`, lines);
}
