import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResourceBody, Vault } from '../types';
import { badRequest, conflict, resourceNotFound } from '../errors';
import { lower, providerId } from '../ids';
import { writtenBy } from './systemData';
import { findVaultByName, requireGroup } from '../store';
import { requireSubscription } from './subscriptions';
import { route, rx, SUB, RG, listOf, ok, type Route } from './route';
import { mergeVaultProperties, requireVault, softDeleteVault, validateVaultName, vaultJson, VAULT_TYPE, type VaultPropertiesRequest } from './vaultLifecycle';
import { accessPolicyRoute } from './accessPolicies';
import { deletedVaultRoutes } from './deletedVaults';

type VaultBody = ArmResourceBody<VaultPropertiesRequest> | undefined;

function createVault(ctx: EmulatorContext, req: ArmRequest, sub: string, rg: string, name: string): ReturnType<Route['handle']> {
    const body = req.body as VaultBody;
    validateVaultName(name);
    const group = requireGroup(ctx.world, sub, rg);
    const deleted = ctx.world.deletedVaults[lower(name)];
    if (deleted && body?.properties?.createMode === 'recover') {
        delete ctx.world.deletedVaults[lower(name)];
        ctx.world.vaults[lower(deleted.vault.id)] = deleted.vault;
        return ok(vaultJson(ctx, deleted.vault, req.query['api-version']));
    }
    if (deleted) {
        throw conflict(
            'ConflictError',
            'A vault with the same name already exists in deleted state. You need to either recover or purge existing key vault. Follow this link https://go.microsoft.com/fwlink/?linkid=2149745 for more information on soft delete.',
        );
    }
    if (findVaultByName(ctx.world, name)) {
        throw conflict(
            'VaultAlreadyExists',
            `The vault name '${name}' is already in use. Vault names are globally unique so it is possible that the name is already taken. If you are sure that the vault name was not taken then it is possible that a vault with the same name was recently deleted but not purged after being placed in a recoverable state. If the vault is in a recoverable state then the vault will need to be recovered or purged before reusing the name. For more information on soft delete and purging a vault follow this link https://go.microsoft.com/fwlink/?linkid=2147740.`,
        );
    }
    const location = body?.location;
    if (typeof location !== 'string' || !location) throw badRequest('LocationRequired', 'The location property is required for this definition.');
    const properties = mergeVaultProperties(ctx, undefined, body?.properties, req.query['api-version']!, false);
    const vault: Vault = {
        id: providerId(sub, group.name, VAULT_TYPE, name),
        name,
        subscriptionId: sub,
        resourceGroup: group.name,
        location,
        tags: body?.tags ?? {},
        properties,
        keys: {},
        systemData: writtenBy(req.principal, ctx.clock.iso()),
    };
    ctx.world.vaults[lower(vault.id)] = vault;
    // Recorded (PowerShell, api 2024-11-01): the creating PUT answers 200 RegisteringDns with no Location or
    // Azure-AsyncOperation header, so SDK pollers poll the vault itself; its next GET answers Succeeded.
    return ok(vaultJson(ctx, vault, req.query['api-version'], true));
}

function putOrPatch(ctx: EmulatorContext, req: ArmRequest, p: Record<string, string>): ReturnType<Route['handle']> {
    requireGroup(ctx.world, p.sub!, p.rg!);
    const existing = ctx.world.vaults[lower(providerId(p.sub!, p.rg!, VAULT_TYPE, p.name!))];
    if (!existing) {
        if (req.method === 'PATCH') throw resourceNotFound(VAULT_TYPE, p.name!, p.rg);
        return createVault(ctx, req, p.sub!, p.rg!, p.name!);
    }
    const body = req.body as VaultBody;
    existing.properties = mergeVaultProperties(ctx, existing.properties, body?.properties, req.query['api-version']!, req.method === 'PATCH');
    if (body?.tags) existing.tags = body.tags;
    existing.systemData = writtenBy(req.principal, ctx.clock.iso(), existing.systemData);
    return ok(vaultJson(ctx, existing, req.query['api-version']));
}

const VAULTS = `${RG}/providers/Microsoft\\.KeyVault/vaults`;
export const vaultRoutes: Route[] = [
    route('GET', rx(`${SUB}/providers/Microsoft\\.KeyVault/vaults`), (ctx, req, p) => {
        requireSubscription(ctx, p.sub!);
        return listOf(
            Object.values(ctx.world.vaults)
                .filter((v) => lower(v.subscriptionId) === lower(p.sub!))
                .map((v) => vaultJson(ctx, v, req.query['api-version'])),
        );
    }),
    route('GET', rx(VAULTS), (ctx, req, p) => {
        const group = requireGroup(ctx.world, p.sub!, p.rg!);
        return listOf(
            Object.values(ctx.world.vaults)
                .filter((v) => lower(v.id).startsWith(lower(group.id) + '/'))
                .map((v) => vaultJson(ctx, v, req.query['api-version'])),
        );
    }),
    route('POST', rx(`${SUB}/providers/Microsoft\\.KeyVault/checkNameAvailability`), (ctx, req) => {
        const name = String((req.body as VaultBody)?.name ?? '');
        try {
            validateVaultName(name);
        } catch (e) {
            return ok({ nameAvailable: false, reason: 'AccountNameInvalid', message: (e as Error).message });
        }
        const taken = findVaultByName(ctx.world, name) ?? ctx.world.deletedVaults[lower(name)];
        return ok(taken ? { nameAvailable: false, reason: 'AlreadyExists', message: `The vault name '${name}' is already in use.` } : { nameAvailable: true });
    }),
    route(['PUT', 'PATCH'], rx(`${VAULTS}/(?<name>[^/]+)`), (ctx, req, p) => putOrPatch(ctx, req, p)),
    route('GET', rx(`${VAULTS}/(?<name>[^/]+)`), (ctx, req, p) => ok(vaultJson(ctx, requireVault(ctx, p.sub!, p.rg!, p.name!), req.query['api-version']))),
    route('DELETE', rx(`${VAULTS}/(?<name>[^/]+)`), (ctx, _req, p) => {
        requireGroup(ctx.world, p.sub!, p.rg!);
        const vault = ctx.world.vaults[lower(providerId(p.sub!, p.rg!, VAULT_TYPE, p.name!))];
        if (!vault) return { status: 204 };
        softDeleteVault(ctx, vault);
        return { status: 200 };
    }),
    accessPolicyRoute(`${VAULTS}/(?<name>[^/]+)/accessPolicies/(?<op>add|replace|remove)`),
    ...deletedVaultRoutes,
];
