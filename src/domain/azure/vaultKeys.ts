import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { mapWithConcurrency } from '../util/mapWithConcurrency';

export interface VaultKeyInfo {
    readonly name: string;
    /** `RSA`, `RSA-HSM`, `EC`, … */
    readonly keyType: string;
    /** Azure Container Registry encrypts with RSA and RSA-HSM keys only. */
    readonly usableForRegistry: boolean;
}

/** The enabled keys of a vault with their types (the list has none: each key is read, a few at a time), by name. */
export async function listEnabledKeys(factory: AzureClientFactory, vaultUri: string): Promise<VaultKeyInfo[]> {
    const keys = await factory.keys(vaultUri);
    const names: string[] = [];
    for await (const properties of keys.listPropertiesOfKeys()) {
        if (properties.enabled !== false) {
            names.push(properties.name);
        }
    }
    return mapWithConcurrency(names.sort(), 4, async (name) => {
        const keyType = String((await keys.getKey(name)).keyType ?? '');
        return { name, keyType, usableForRegistry: keyType === 'RSA' || keyType === 'RSA-HSM' };
    });
}
