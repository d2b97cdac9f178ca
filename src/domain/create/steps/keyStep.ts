import type { KeyVaultKey } from '@azure/keyvault-keys';
import { azureErrorOf } from '../../azure/azureErrors';
import { readVaultKey } from '../../azure/vaultKeys';
import { createVaultKey } from '../../azure/vaultKeyChanges';
import type { AzureClientFactory } from '../../clients/AzureClientFactory';
import { DomainError } from '../../errors';
import { formatKeyIdentifier, parseKeyIdentifier } from '../../keys/keyIdentifier';
import type { CreateStep, StepContext } from './createSteps';

export const keyStep: CreateStep = {
    async run(ctx) {
        const { factory, plan, state } = ctx;
        const vault = state.vault!.info;
        if (plan.key.kind === 'existing') {
            const key = await readKey(factory, vault.vaultUri, vault.name, plan.key.name, plan.key.version);
            requireUsableKey(key);
            state.key = keyRecord(ctx, key, false);
            return;
        }
        const { name, keyType = 'RSA', keySize = 3072 } = plan.key;
        const key = await whileGrantPropagates(ctx, () => createVaultKey(factory, vault.vaultUri, name, keyType, { keySize }));
        state.key = keyRecord(ctx, key, true);
    },
    // A new key's name was free at preflight: a key of that name now is this run's.
    async probe(ctx) {
        const vault = ctx.state.vault?.info;
        if (ctx.plan.key.kind === 'new' && vault) {
            const key = await readVaultKey(ctx.factory, vault.vaultUri, ctx.plan.key.name);
            if (key) {
                ctx.state.key = keyRecord(ctx, key, true);
            }
        }
    },
};

/** ACR accepts RSA and RSA-HSM keys only, enabled and not expired. */
export function requireUsableKey(key: KeyVaultKey): void {
    const keyType = String(key.keyType ?? key.key?.kty ?? '');
    if (keyType !== 'RSA' && keyType !== 'RSA-HSM') {
        throw new DomainError('KeyTypeNotSupported', { keyId: key.id ?? key.name, keyType });
    }
    const expires = key.properties.expiresOn;
    if (key.properties.enabled === false || (expires && expires.getTime() <= Date.now())) {
        throw new DomainError('KeyDisabled', { keyId: key.id ?? key.name });
    }
}

/** The key (the given version, else the latest); a missing or deleted one is `KeyNotFound`. */
export async function readKey(factory: AzureClientFactory, vaultUrl: string, vaultName: string, name: string, version?: string): Promise<KeyVaultKey> {
    const key = await readVaultKey(factory, vaultUrl, name, version);
    if (!key) {
        throw new DomainError('KeyNotFound', { key: name, vault: vaultName });
    }
    return key;
}

function keyRecord({ factory, plan }: StepContext, key: KeyVaultKey, createdByRun: boolean) {
    const parsed = parseKeyIdentifier(key.id ?? '', factory.cloud);
    return {
        versionedId: formatKeyIdentifier(parsed),
        name: parsed.keyName,
        version: parsed.version ?? '',
        keyIdentifier: formatKeyIdentifier(parsed, { versionless: plan.versionless }),
        createdByRun,
    };
}

/**
 * A grant made seconds ago may not have reached Key Vault yet (RBAC propagation takes minutes in Azure):
 * a 403 is retried until the deadline, then reported as it is.
 */
async function whileGrantPropagates<T>({ options, state }: StepContext, attempt: () => Promise<T>): Promise<T> {
    const fresh = state.keyManagementGrant?.kind === 'roleAssignment' || state.keyManagementGrant?.kind === 'accessPolicy';
    const deadline = Date.now() + (fresh ? (options.grantPropagationTimeoutMs ?? 300_000) : 0);
    for (;;) {
        try {
            return await attempt();
        } catch (error) {
            if (azureErrorOf(error).statusCode !== 403 || Date.now() >= deadline) {
                throw error;
            }
            await new Promise((resolve) => setTimeout(resolve, options.grantPropagationPollMs ?? 5000));
        }
    }
}
