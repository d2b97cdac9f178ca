import type { EmulatorContext } from '../context';
import type { DeletedVault } from '../types';
import { conflict, notFound } from '../errors';
import { lower } from '../ids';
import { route, rx, SUB, listOf, ok, type Route } from './route';
import { startOperation } from './operations';

const json = (d: DeletedVault): unknown => ({
    id: `/subscriptions/${d.vault.subscriptionId}/providers/Microsoft.KeyVault/locations/${lower(d.vault.location)}/deletedVaults/${d.vault.name}`,
    name: d.vault.name,
    type: 'Microsoft.KeyVault/deletedVaults',
    properties: {
        vaultId: d.vault.id,
        location: d.vault.location,
        deletionDate: d.deletionDate,
        scheduledPurgeDate: d.scheduledPurgeDate,
        tags: d.vault.tags,
        purgeProtectionEnabled: d.vault.properties.enablePurgeProtection === true,
    },
});

function find(ctx: EmulatorContext, sub: string, location: string, name: string): DeletedVault {
    const d = ctx.world.deletedVaults[lower(name)];
    if (!d || lower(d.vault.subscriptionId) !== lower(sub) || lower(d.vault.location) !== lower(location)) {
        throw notFound('ResourceNotFound', `The Resource 'Microsoft.KeyVault/deletedVaults/${name}' was not found.`);
    }
    return d;
}

const DELETED = `${SUB}/providers/Microsoft\\.KeyVault/locations/(?<loc>[^/]+)/deletedVaults/(?<name>[^/]+)`;
export const deletedVaultRoutes: Route[] = [
    route('GET', rx(`${SUB}/providers/Microsoft\\.KeyVault/deletedVaults`), (ctx, _req, p) =>
        listOf(
            Object.values(ctx.world.deletedVaults)
                .filter((d) => lower(d.vault.subscriptionId) === lower(p.sub!))
                .map(json),
        ),
    ),
    route('GET', rx(DELETED), (ctx, _req, p) => ok(json(find(ctx, p.sub!, p.loc!, p.name!)))),
    route('POST', rx(`${DELETED}/purge`), (ctx, req, p) => {
        const d = find(ctx, p.sub!, p.loc!, p.name!);
        if (d.vault.properties.enablePurgeProtection) {
            throw conflict(
                'Conflict',
                `Operation 'purge' is not allowed because purge protection is enabled for vault '${d.vault.name}'. The vault will be purged automatically after the retention period (${d.scheduledPurgeDate}).`,
            );
        }
        delete ctx.world.deletedVaults[lower(p.name!)];
        const { headers } = startOperation(
            ctx,
            { subscriptionId: p.sub!, location: d.vault.location, resourceId: d.vault.id, kind: 'delete' },
            'Microsoft.KeyVault',
            req.query['api-version']!,
        );
        return { status: 202, headers: { location: headers.location!, 'retry-after': '1' } };
    }),
];
