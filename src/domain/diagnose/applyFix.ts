import { grantEncryptionAccess } from '../access/encryptionAccess';
import { getVault } from '../access/getVault';
import { recoverDeletedKey, setKeyVersionEnabled, setKeyVersionExpiry } from '../access/keyState';
import { enablePurgeProtection } from '../access/vaultRecoverySettings';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { enableTrustedServices } from '../access/enableTrustedServices';
import { parseKeyIdentifier } from '../keys/keyIdentifier';
import { getRegistry } from '../registries/getRegistry';
import { parseResourceId } from '../util/resourceId';
import { planRotation, requireCmk } from '../rotate/planRotation';
import type { IdentityChoice, RotationConsent } from '../rotate/RotationRequest';
import { runRotation } from '../rotate/runRotation';
import type { KeyAccessFix } from './Finding';

/**
 * Applies one fix Diagnose offered. Identity fixes go through the rotate flow (plan, then run its steps), so they
 * get its checks and its exact-state error reporting; the others are single, narrow changes.
 */
export async function applyFix(factory: AzureClientFactory, fix: KeyAccessFix, subscriptionIds: readonly string[] = []): Promise<void> {
    switch (fix.kind) {
        case 'grantAccess':
            await grantEncryptionAccess(factory, await getVault(factory, fix.vaultId), fix.principalId);
            return;
        case 'enableKeyVersion': {
            const key = parseKeyIdentifier(fix.keyId, factory.cloud);
            await setKeyVersionEnabled(factory, key, key.version ?? '', true);
            return;
        }
        case 'recoverKey':
            await recoverDeletedKey(factory, parseKeyIdentifier(fix.keyId, factory.cloud));
            return;
        case 'extendKeyExpiry': {
            const key = parseKeyIdentifier(fix.keyId, factory.cloud);
            await setKeyVersionExpiry(factory, key, key.version ?? '', new Date(fix.expiresOn));
            return;
        }
        case 'enablePurgeProtection':
            await enablePurgeProtection(factory, parseResourceId(fix.vaultId));
            return;
        case 'allowTrustedServices':
            await enableTrustedServices(factory, parseResourceId(fix.vaultId));
            return;
        case 'reassignIdentity':
            return reapplyEncryption(factory, fix.registryId, { kind: 'keep' }, { reassignRemovedIdentity: true }, subscriptionIds);
        case 'useClientId':
            return reapplyEncryption(factory, fix.registryId, { kind: 'keep' }, {}, subscriptionIds);
        case 'switchToSystemIdentity':
            return reapplyEncryption(
                factory,
                fix.registryId,
                { kind: 'system' },
                { enableSystemIdentity: true, grantAccess: true, enableTrustedServices: true },
                subscriptionIds,
            );
    }
}

/** Same key (and the same versioned/versionless choice), with the identity the fix names: the rotate flow does the rest. */
async function reapplyEncryption(
    factory: AzureClientFactory,
    registryId: string,
    identity: IdentityChoice,
    consent: RotationConsent,
    subscriptionIds: readonly string[],
): Promise<void> {
    const state = requireCmk(await getRegistry(factory, registryId));
    const plan = await planRotation(factory, {
        registryId,
        key: { kind: 'existing', keyId: state.keyIdentifier },
        versionless: state.rotation === 'automatic',
        identity,
        consent,
        subscriptionIds,
    });
    await runRotation(factory, plan);
}
