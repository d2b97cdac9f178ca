import type { KeyRotationPolicy, KeyRotationPolicyProperties } from '@azure/keyvault-keys';
import type { AzureClientFactory } from '../clients/AzureClientFactory';

// A key's rotation policy on Key Vault's data plane (`/keys/{name}/rotationpolicy`).

export async function readKeyRotationPolicy(factory: AzureClientFactory, vaultUrl: string, name: string): Promise<KeyRotationPolicy> {
    return (await factory.keys(vaultUrl)).getKeyRotationPolicy(name);
}

export async function writeKeyRotationPolicy(factory: AzureClientFactory, vaultUrl: string, name: string, policy: KeyRotationPolicyProperties): Promise<void> {
    await (await factory.keys(vaultUrl)).updateKeyRotationPolicy(name, policy);
}
