// Registries and key facts for the Keys view's unit tests: plain data in the shapes the fleet read and Key Vault give.
import type { KeyFacts, KeyHealth, KeyUser } from '../../../src/domain/fleet/keysInUse';
import type { EncryptionIdentity } from '../../../src/domain/registries/identity';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';

export const now = new Date('2027-01-15T12:00:00Z');
export const day = 86_400_000;
export const at = (offsetMs: number): Date => new Date(now.getTime() + offsetMs);
export const version = (n: number): string => String(n).repeat(32).slice(0, 32);

export function registry(
    name: string,
    options: { subscription?: string; vault?: string; key?: string; pinned?: boolean; current?: string; identity?: EncryptionIdentity; cmk?: boolean } = {},
): RegistrySummary {
    const subscriptionId = options.subscription ?? 's1';
    const id = `/subscriptions/${subscriptionId}/resourceGroups/rg-${name}/providers/Microsoft.ContainerRegistry/registries/${name}`;
    const base = { id, name, subscriptionId, resourceGroup: `rg-${name}`, location: 'westeurope', sku: 'Premium', raw: {} } as unknown as RegistrySummary;
    if (options.cmk === false) {
        return { ...base, encryption: { status: 'disabled' } };
    }
    const vaultName = options.vault ?? 'kv-one';
    const vaultUrl = `https://${vaultName}.vault.azure.net`;
    const keyName = options.key ?? 'cmk';
    const current = options.current ?? version(9);
    return {
        ...base,
        encryption: {
            status: 'enabled',
            keyIdentifier: `${vaultUrl}/keys/${keyName}${options.pinned ? `/${current}` : ''}`,
            versionedKeyIdentifier: `${vaultUrl}/keys/${keyName}/${current}`,
            key: { vaultUrl, vaultName, keyName, version: options.pinned ? current : undefined },
            currentVersion: current,
            rotation: options.pinned ? 'manual' : 'automatic',
            identity: options.identity ?? { kind: 'system' },
        },
    };
}

export function userOf(summary: RegistrySummary): KeyUser {
    if (summary.encryption.status !== 'enabled') throw new Error(`${summary.name} has no customer-managed key`);
    return { registry: summary, encryption: summary.encryption };
}

export const found = (state: Partial<{ version: string; enabled: boolean; expiresOn: Date; createdOn: Date }> = {}): KeyHealth => ({
    lookup: { kind: 'found', state: { version: version(9), enabled: true, keyType: 'RSA', createdOn: at(-10 * day), ...state } },
});

export function facts(health: KeyHealth, versionsMade: Record<string, Date | undefined> = {}): KeyFacts {
    const latest = health.lookup.kind === 'found' ? health.lookup.state : undefined;
    return { health, versionsMade: new Map([...(latest ? [[latest.version.toLowerCase(), latest.createdOn] as const] : []), ...Object.entries(versionsMade)]) };
}

export const userIdentity = (name: string, clientId: string, group = 'rg-ids'): Extract<EncryptionIdentity, { kind: 'user' }> => ({
    kind: 'user',
    name,
    clientId,
    resourceId: `/subscriptions/s1/resourceGroups/${group}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`,
});
