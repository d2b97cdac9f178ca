// The parts of the emulator's world (`GET /_emulator/state`) the real-VS-Code tests compare against.
import { getEmulatorJson } from './emulatorState';

export interface WorldRegistry {
    id: string;
    name: string;
    subscriptionId: string;
    resourceGroup: string;
    sku: string;
    encryption: { status: 'enabled' | 'disabled'; keyVaultProperties?: { keyIdentifier: string; versionedKeyIdentifier: string; identity: string } };
}
export interface EmulatorWorld {
    subscriptions: Record<string, { subscriptionId: string; displayName: string }>;
    registries: Record<string, WorldRegistry>;
}

export const subscriptionsOf = (world: EmulatorWorld) => Object.values(world.subscriptions).sort((a, b) => a.displayName.localeCompare(b.displayName));
export const registriesOf = (world: EmulatorWorld) => Object.values(world.registries).sort((a, b) => a.name.localeCompare(b.name));
export const cmkRegistries = (world: EmulatorWorld) => registriesOf(world).filter((r) => r.encryption.status === 'enabled');

/** One registry as the emulator holds it now. */
export const registryNow = async (id: string) => registriesOf(await getEmulatorJson<EmulatorWorld>('state')).find((r) => r.id === id);
