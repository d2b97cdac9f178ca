// Registry rows for the tree and sidebar tests: a node from a summary, marks from plain data, a row as plain data.
import type * as vscode from 'vscode';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import type { FleetWarning } from '../../../src/domain/fleet/report/fleetWarnings';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { KeyAccessMarks } from '../../../src/tree/keyAccessMarks';
import { RegistryNode } from '../../../src/tree/RegistryNode';
import type { RegistryRowMarks } from '../../../src/tree/registryRow';

/** What the views compare: the row as plain data (the stand-in's icon and tooltip hold what they were given). */
export function rowOf(item: vscode.TreeItem): { label: unknown; description: unknown; contextValue: unknown; icon: string; tooltip: string } {
    const icon = item.iconPath as { id: string; color?: { id: string } };
    return {
        label: item.label,
        description: item.description,
        contextValue: item.contextValue,
        icon: `${icon.id}${icon.color ? ` ${icon.color.id}` : ''}`,
        tooltip: (item.tooltip as { value: string }).value,
    };
}

/** Both kinds of marks, from plain data: key access through the real KeyAccessMarks, fleet warnings by registry id. */
export function marksOf(
    fleet: Record<string, readonly FleetWarning[]> = {},
    revoked: readonly string[] = [],
): RegistryRowMarks & { keyAccessMarks: KeyAccessMarks } {
    const keyAccessMarks = new KeyAccessMarks();
    keyAccessMarks.readRevocationsFrom((id) => revoked.includes(id.toLowerCase()));
    return { keyAccessMarks, fleetMarks: { get: (summary: RegistrySummary) => fleet[summary.id.toLowerCase()] } };
}

export const nodeOf = (summary: RegistrySummary) => new RegistryNode(undefined, summary, {} as AzureClientFactory, undefined);
