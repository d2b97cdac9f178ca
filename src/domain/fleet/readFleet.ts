import type { Registry } from '@azure/arm-containerregistry';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { defaultListConcurrency } from '../clients/ClientOptions';
import { listVaults } from '../access/getVault';
import type { VaultInfo } from '../access/VaultInfo';
import { queryResourceGraph, type GraphRow } from '../azure/resourceGraph';
import { listRegistriesInSubscription } from '../registries/listRegistries';
import { toRegistrySummary, type RegistrySummary } from '../registries/RegistryEncryption';
import { parseResourceId } from '../util/resourceId';
import { mapWithConcurrency } from '../util/mapWithConcurrency';

const fleetVaultFields = ['id', 'name', 'subscriptionId', 'resourceGroup', 'vaultUri', 'enableRbacAuthorization', 'enablePurgeProtection'] as const;
/** What the fleet view needs of a key vault (no access policies: Resource Graph rows stay small). */
export type FleetVault = Pick<VaultInfo, (typeof fleetVaultFields)[number]>;

export type FleetSource = 'resourceGraph' | 'resourceManager';

export interface Fleet {
    readonly registries: readonly RegistrySummary[];
    readonly vaults: readonly FleetVault[];
    readonly source: FleetSource;
    /** Why Resource Graph was not used (`auto` fell back to Resource Manager): Azure's own text. */
    readonly graphFailure?: string;
    /** Subscriptions Resource Manager could not list (the others are shown). */
    readonly failedSubscriptions: readonly string[];
}

export interface FleetTarget {
    readonly subscriptionId: string;
    readonly tenantId?: string;
    readonly factory: AzureClientFactory;
}

/** `auto`: Resource Graph, falling back to one listing per subscription where a cloud has no Resource Graph. */
export type FleetSourceSetting = 'auto' | FleetSource;

// Projected columns only: what the registry summary and the vault rows need, nothing of the rest. Ordered by the unique
// id, so pages asked side by side with $skip are repeatable (Resource Graph's paging guidance).
export const registriesQuery =
    "Resources | where type =~ 'microsoft.containerregistry/registries' " +
    '| project id, name, location, sku, identity, encryption = properties.encryption, loginServer = properties.loginServer, ' +
    'provisioningState = properties.provisioningState | order by id asc';
export const vaultsQuery =
    "Resources | where type =~ 'microsoft.keyvault/vaults' " +
    '| project id, name, vaultUri = properties.vaultUri, enableRbacAuthorization = properties.enableRbacAuthorization, ' +
    'enablePurgeProtection = properties.enablePurgeProtection | order by id asc';

/** Every registry and key vault of the subscriptions, from Resource Graph (one query per tenant) or Resource Manager. */
export async function readFleet(targets: readonly FleetTarget[], setting: FleetSourceSetting = 'auto'): Promise<Fleet> {
    let graphFailure: string | undefined;
    if (setting !== 'resourceManager' && targets.length > 0) {
        try {
            return await readFromGraph(targets);
        } catch (error) {
            if (setting === 'resourceGraph') {
                throw error;
            }
            graphFailure = error instanceof Error ? error.message : String(error);
        }
    }
    return { ...(await readFromResourceManager(targets)), graphFailure };
}

async function readFromGraph(targets: readonly FleetTarget[]): Promise<Fleet> {
    const byTenant = new Map<string, FleetTarget[]>();
    for (const target of targets) {
        const key = (target.tenantId ?? '').toLowerCase();
        byTenant.set(key, [...(byTenant.get(key) ?? []), target]);
    }
    const registries: RegistrySummary[] = [];
    const vaults: FleetVault[] = [];
    for (const group of byTenant.values()) {
        const { factory } = group[0]!;
        const ids = group.map((target) => target.subscriptionId);
        // Each page is converted and put in name order while the next one is on its way; the final sort then merges
        // ordered runs (Array.prototype.sort is stable: the same order as sorting all rows at the end).
        const [registryRows, vaultRows] = await Promise.all([
            queryResourceGraph(factory, ids, registriesQuery, (rows) => byName(rows.map((row) => toRegistrySummary(registryFromRow(row), factory.cloud)))),
            queryResourceGraph(factory, ids, vaultsQuery, (rows) => byName(rows.map(vaultFromRow))),
        ]);
        registries.push(...registryRows);
        vaults.push(...vaultRows);
    }
    return { registries: byName(registries), vaults: byName(vaults), source: 'resourceGraph', failedSubscriptions: [] };
}

async function readFromResourceManager(targets: readonly FleetTarget[]): Promise<Omit<Fleet, 'graphFailure'>> {
    type Listed = { readonly registries: RegistrySummary[]; readonly vaults: FleetVault[]; readonly failed?: string };
    const listed = await mapWithConcurrency(targets, defaultListConcurrency, async ({ subscriptionId, factory }): Promise<Listed> => {
        try {
            const [registries, vaults] = await Promise.all([listRegistriesInSubscription(factory, subscriptionId), listVaults(factory, subscriptionId)]);
            return {
                registries,
                vaults: vaults.map((vault) => Object.fromEntries(fleetVaultFields.map((field) => [field, vault[field]])) as FleetVault),
            };
        } catch {
            return { registries: [], vaults: [], failed: subscriptionId };
        }
    });
    return {
        registries: byName(listed.flatMap((result) => result.registries)),
        vaults: byName(listed.flatMap((result) => result.vaults)),
        source: 'resourceManager',
        failedSubscriptions: listed.flatMap((result) => result.failed ?? []),
    };
}

/** A Resource Graph row of `registriesQuery` in the SDK's (flattened) registry shape. */
function registryFromRow(row: GraphRow): Registry {
    return {
        id: String(row.id),
        name: String(row.name),
        location: String(row.location ?? ''),
        sku: row.sku as Registry['sku'],
        identity: (row.identity ?? undefined) as Registry['identity'],
        encryption: (row.encryption ?? undefined) as Registry['encryption'],
        loginServer: row.loginServer as string | undefined,
        provisioningState: row.provisioningState as Registry['provisioningState'],
    } as Registry;
}

function vaultFromRow(row: GraphRow): FleetVault {
    const id = String(row.id);
    const { subscriptionId, resourceGroup, name } = parseResourceId(id);
    return {
        id,
        name: String(row.name ?? name),
        subscriptionId,
        resourceGroup,
        vaultUri: String(row.vaultUri ?? ''),
        enableRbacAuthorization: row.enableRbacAuthorization === true,
        enablePurgeProtection: row.enablePurgeProtection === true,
    };
}

const byName = <T extends { readonly name: string }>(items: T[]): T[] => items.sort((a, b) => a.name.localeCompare(b.name));
