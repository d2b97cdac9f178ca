import { readKeyRotationPolicy } from '../azure/keyRotationPolicies';
import { getVaultKey } from '../azure/vaultKeys';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { KeyIdentifier } from '../keys/keyIdentifier';
import { addIsoDuration, parseIsoDuration } from './isoDuration';

/** When Key Vault will next rotate the key (ACR follows a versionless key within an hour of that). */
export interface RotationSchedule {
    /** Undefined when the key has no rotation policy with a Rotate action. */
    readonly nextRotation?: Date;
    readonly rotateAfter?: string;
    readonly notifyBeforeExpiry?: string;
    readonly expiresIn?: string;
}

export async function getRotationSchedule(factory: AzureClientFactory, key: KeyIdentifier): Promise<RotationSchedule> {
    const [policy, latest] = await Promise.all([readKeyRotationPolicy(factory, key.vaultUrl, key.keyName), getVaultKey(factory, key.vaultUrl, key.keyName)]);
    const actions = policy.lifetimeActions ?? [];
    const rotate = actions.find((action) => action.action.toLowerCase() === 'rotate');
    const notify = actions.find((action) => action.action.toLowerCase() === 'notify');
    const created = latest.properties.createdOn;
    const expires = latest.properties.expiresOn;
    const afterCreate = rotate?.timeAfterCreate ? parseIsoDuration(rotate.timeAfterCreate) : undefined;
    const beforeExpiry = rotate?.timeBeforeExpiry ? parseIsoDuration(rotate.timeBeforeExpiry) : undefined;
    return {
        nextRotation:
            afterCreate && created ? addIsoDuration(created, afterCreate) : beforeExpiry && expires ? addIsoDuration(expires, beforeExpiry, -1) : undefined,
        rotateAfter: rotate?.timeAfterCreate ?? rotate?.timeBeforeExpiry,
        notifyBeforeExpiry: notify?.timeBeforeExpiry,
        expiresIn: policy.expiresIn,
    };
}
