import { getRotationSchedule } from '../domain/autoRotation/rotationSchedule';
import type { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import type { KeyIdentifier } from '../domain/keys/keyIdentifier';

/**
 * The key's next scheduled rotation for the tree: `null` without a rotation policy, undefined when the vault
 * cannot be read (no permission, firewall): the row then says "unknown" instead of failing the expansion.
 */
export async function nextExpectedRotation(factory: AzureClientFactory, key: KeyIdentifier): Promise<Date | null | undefined> {
    try {
        return (await getRotationSchedule(factory, key)).nextRotation ?? null;
    } catch {
        return undefined;
    }
}
