import type { TokenCredential } from '@azure/core-auth';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { KeyVaultManagementClient, type Vault } from '@azure/arm-keyvault';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ContainerRegistryManagementClient } from '@azure/arm-containerregistry';
import { KeyClient, CryptographyClient } from '@azure/keyvault-keys';
import type { RunningEmulator } from '../../emulator/index';
import { armOptions, clientOptions, credentialFor } from './harness';

/** Every real SDK client the contract tests use, pointed at the emulator. */
export function clientsFor(
    emulator: RunningEmulator,
    credential: TokenCredential = credentialFor(emulator),
    subscriptionId = emulator.environment.subscriptions[0]!.id,
) {
    const options = armOptions(emulator);
    return {
        subscriptions: new SubscriptionClient(credential, options),
        resources: new ResourceManagementClient(credential, subscriptionId, options),
        msi: new ManagedServiceIdentityClient(credential, subscriptionId, options),
        keyVault: new KeyVaultManagementClient(credential, subscriptionId, options),
        authorization: new AuthorizationManagementClient(credential, subscriptionId, options),
        acr: new ContainerRegistryManagementClient(credential, subscriptionId, options),
        keys: (vaultUri: string) => new KeyClient(vaultUri, credential, clientOptions(emulator)),
        crypto: (keyId: string) => new CryptographyClient(keyId, credential, clientOptions(emulator)),
    };
}
export type Clients = ReturnType<typeof clientsFor>;

export const ALL_KEY_PERMISSIONS = [
    'get',
    'list',
    'create',
    'update',
    'delete',
    'recover',
    'purge',
    'wrapKey',
    'unwrapKey',
    'encrypt',
    'decrypt',
    'sign',
    'verify',
    'rotate',
    'getrotationpolicy',
    'setrotationpolicy',
];

/** A vault through the management plane; by default access-policy mode with full key rights for `objectId`. */
export async function createVault(
    c: Clients,
    emulator: RunningEmulator,
    rg: string,
    name: string,
    properties: Record<string, unknown> = {},
    objectId = emulator.environment.principalObjectId,
): Promise<Vault> {
    const tenantId = emulator.environment.tenantId;
    return c.keyVault.vaults.createOrUpdate(rg, name, {
        location: 'eastus',
        properties: {
            tenantId,
            sku: { family: 'A', name: 'standard' },
            enableRbacAuthorization: false,
            accessPolicies: [{ tenantId, objectId, permissions: { keys: ALL_KEY_PERMISSIONS as never[] } }],
            ...properties,
        },
    } as never);
}

/** The error an SDK call rejects with: its HTTP status and Azure error code. */
export async function failure(promise: Promise<unknown>): Promise<{ statusCode?: number; code?: string; message: string }> {
    try {
        await promise;
    } catch (e) {
        const err = e as { statusCode?: number; code?: string; message: string; details?: { error?: { code?: string } } };
        return { statusCode: err.statusCode, code: err.code ?? err.details?.error?.code, message: err.message };
    }
    throw new Error('expected the call to fail, it succeeded');
}
