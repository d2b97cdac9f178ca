import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResponse } from '../types';
import { notFound } from '../errors';
import { lower } from '../ids';
import { route, rx, SUB, listOf, ok, type Route } from './route';

function subscriptionJson(ctx: EmulatorContext, id: string): unknown {
    const sub = ctx.world.subscriptions[lower(id)]!;
    return {
        id: `/subscriptions/${sub.subscriptionId}`,
        subscriptionId: sub.subscriptionId,
        tenantId: ctx.world.tenantId,
        displayName: sub.displayName,
        state: 'Enabled',
        authorizationSource: 'RoleBased',
        managedByTenants: [],
        subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    };
}

export function requireSubscription(ctx: EmulatorContext, sub: string): void {
    if (!ctx.world.subscriptions[lower(sub)]) throw notFound('SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
}

/** `GET /metadata/endpoints`: both the 2015-01-01 shape the Azure CLI asks for and the newer array shape. */
export function metadataEndpoints(ctx: EmulatorContext, apiVersion: string | undefined): ArmResponse {
    const env = ctx.env;
    if (apiVersion === '2015-01-01') {
        return ok({
            galleryEndpoint: '',
            graphEndpoint: env.graphEndpoint,
            portalEndpoint: env.portalUrl,
            authentication: { loginEndpoint: env.adfsAuthority, audiences: [env.armAudience] },
        });
    }
    return ok([
        {
            name: 'AzureEmulator',
            resourceManager: env.armEndpoint,
            portal: env.portalUrl,
            microsoftGraphResourceId: env.graphEndpoint,
            graph: env.graphEndpoint,
            gallery: '',
            authentication: { loginEndpoint: env.authority, audiences: [env.armAudience], tenant: 'common', identityProvider: 'AAD' },
            suffixes: { keyVaultDns: env.keyVaultDnsSuffix, acrLoginServer: env.acrLoginServerSuffix, storage: 'core.localhost' },
        },
    ]);
}

export const subscriptionRoutes: Route[] = [
    route('GET', rx('^/subscriptions'), (ctx) => listOf(Object.keys(ctx.world.subscriptions).map((id) => subscriptionJson(ctx, id)))),
    route('GET', rx(SUB), (ctx, _req, p) => {
        requireSubscription(ctx, p.sub!);
        return ok(subscriptionJson(ctx, p.sub!));
    }),
    route('GET', rx(`${SUB}/locations`), () =>
        listOf(['eastus', 'westeurope', 'chinaeast2'].map((name) => ({ name, displayName: name, regionalDisplayName: name }))),
    ),
    route('GET', rx('^/tenants'), (ctx) =>
        listOf([
            {
                id: `/tenants/${ctx.world.tenantId}`,
                tenantId: ctx.world.tenantId,
                displayName: 'Emulator Tenant',
                defaultDomain: 'emulator.localhost',
                tenantCategory: 'Home',
            },
        ]),
    ),
    route('GET', rx(`${SUB}/providers/(?<ns>[^/]+)`), (_ctx, _req: ArmRequest, p) =>
        ok({ id: `/subscriptions/${p.sub}/providers/${p.ns}`, namespace: p.ns, registrationState: 'Registered', resourceTypes: [] }),
    ),
];
