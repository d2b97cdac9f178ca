import * as https from 'node:https';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { listRegistriesInSubscription } from '../../../src/domain/registries/listRegistries';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { emulatorAdmin } from '../access/emulatorAdmin';
import { startEmulatorWorld, type EmulatorWorld } from '../domain/emulatorWorld';

/**
 * The emulator's seeded CMK world: registry k (1-based in its name) uses setup (k-1) % 3 —
 * 0: access-policy vault + user-assigned identity, versionless key; 1: RBAC vault + user-assigned identity,
 * pinned version; 2: firewalled RBAC vault (trusted services allowed) + system-assigned identity.
 */
export type SeededSetup = 'policyUser' | 'rbacUser' | 'firewallSystem';
const setups: SeededSetup[] = ['policyUser', 'rbacUser', 'firewallSystem'];

export interface SeededWorld {
    readonly world: EmulatorWorld;
    readonly factory: AzureClientFactory;
    readonly subscriptionIds: string[];
    readonly admin: ReturnType<typeof emulatorAdmin>;
    registries(): Promise<RegistrySummary[]>;
    registryWith(setup: SeededSetup): Promise<RegistrySummary>;
    reset(): Promise<void>;
}

export async function startSeededWorld(seed = 'subscriptions=1,registries=6,cmk=1'): Promise<SeededWorld> {
    const world = await startEmulatorWorld({ seed });
    const targets = await world.source.listAllSubscriptions();
    const first = targets[0];
    if (!first) {
        throw new Error('the seeded emulator has no subscription');
    }
    const admin = emulatorAdmin(world);
    const registries = async () => (await Promise.all(targets.map((t) => listRegistriesInSubscription(t.factory, t.subscriptionId)))).flat();
    return {
        world,
        admin,
        factory: first.factory,
        subscriptionIds: targets.map((t) => t.subscriptionId),
        registries,
        async registryWith(setup) {
            const found = (await registries()).find((registry) => setupOf(registry) === setup);
            if (!found) {
                throw new Error(`no seeded registry with setup ${setup}`);
            }
            return found;
        },
        async reset() {
            await adminPost(world, 'reset');
        },
    };
}

export function setupOf(registry: RegistrySummary): SeededSetup {
    const index = Number(/(\d{5})[0-9a-f]{4}$/.exec(registry.name)?.[1] ?? '0') - 1;
    return setups[index % 3]!;
}

async function adminPost(world: EmulatorWorld, path: string): Promise<void> {
    const env = world.emulator.environment;
    const response = await fetchWithCa(`${env.adminEndpoint}${path}`, world.cloud.caCertificate ?? '');
    if (response >= 300) {
        throw new Error(`POST ${path} answered ${response}`);
    }
}

function fetchWithCa(url: string, ca: string): Promise<number> {
    return new Promise((resolve, reject) => {
        const request = https.request(url, { method: 'POST', ca }, (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
        });
        request.on('error', reject);
        request.end();
    });
}
