import { callerObjectId } from '../../access/callerObjectId';
import { grantEncryptionAccess, grantKeyManagement } from '../../access/encryptionAccess';
import { findEncryptionGrants } from '../../access/findEncryptionGrants';
import type { CreateStep } from './StepContext';

/** Key-management rights for the signed-in user, only on a vault this run created (a new key needs them). */
export const keyManagementAccessStep: CreateStep = {
    async run({ factory, state }) {
        state.keyManagementGrant = await grantKeyManagement(factory, state.vault!.info, await callerObjectId(factory.connection));
    },
};

/** get/wrapKey/unwrapKey (or the crypto service encryption role) for the registry's identity; nothing when it already has them. */
export const encryptionAccessStep: CreateStep = {
    async run({ factory, state }) {
        state.encryptionGrant = await grantEncryptionAccess(factory, state.vault!.info, state.identity!.principalId);
    },
    // Only an identity this run created: any grant it holds is this run's (a pre-existing identity's grants are never claimed).
    async probe({ factory, state }) {
        if (state.vault && state.identity?.createdByRun) {
            const [grant] = await findEncryptionGrants(factory, state.vault.info, state.identity.principalId);
            if (grant) {
                state.encryptionGrant = grant;
            }
        }
    },
};
