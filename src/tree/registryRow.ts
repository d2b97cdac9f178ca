import type * as vscode from 'vscode';
import type { FleetWarning } from '../domain/fleet/report/fleetWarnings';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';
import { decorateFleetWarnings } from './fleetWarningMarks';
import { decorateKeyAccess, type KeyAccessMark } from './keyAccessMarks';
import type { RegistryNode } from './RegistryNode';

/**
 * Every mark a registry row can carry, as both views of registries read them (the Registries view and the Azure
 * Resources sidebar's branch): key access (revoked, a problem Diagnose found, an interrupted flow) and fleet warnings.
 */
export interface RegistryRowMarks {
    readonly keyAccessMarks: { all(registryId: string): readonly KeyAccessMark[] };
    readonly fleetMarks: { get(registry: RegistrySummary): readonly FleetWarning[] | undefined };
}

/**
 * A registry row as every view draws it: the registry's label, description, icon, tooltip and contextValue, then its
 * fleet warnings, then its key access marks — the more specific news, whose icon is drawn over the fleet warnings' one.
 */
export function registryRowItem(node: RegistryNode, marks: RegistryRowMarks): vscode.TreeItem {
    const item = decorateFleetWarnings(node.getTreeItem(), marks.fleetMarks.get(node.registry));
    return marks.keyAccessMarks.all(node.registry.id).reduce((drawn, mark) => decorateKeyAccess(drawn, mark), item);
}
