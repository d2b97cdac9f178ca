import type { Registry } from '@azure/arm-containerregistry';
import { createRegistry, deleteRegistry, readRegistry } from '../../azure/registries';
import { registryId, type CreatePlan } from '../CreatePlan';
import type { CreateRunState } from '../CreateRunState';
import type { CreateStep } from './StepContext';

/** The registry body: Premium, the user-assigned identity, and encryption with the key and the identity's CLIENT id. */
export function registryBody(plan: CreatePlan, state: CreateRunState): Registry {
    const identity = state.identity!;
    return {
        location: plan.location,
        sku: { name: 'Premium' },
        identity: { type: 'UserAssigned', userAssignedIdentities: { [identity.id]: {} } },
        adminUserEnabled: false,
        encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: state.key!.keyIdentifier, identity: identity.clientId } },
    };
}

export const registryStep: CreateStep = {
    async run({ factory, plan, state, journal }) {
        const ref = { subscriptionId: plan.subscriptionId, resourceGroup: plan.resourceGroup.name, name: plan.registry.name };
        if (state.registry?.createdByRun) {
            // A create whose operation failed leaves a Failed registry: remove this run's own leftover, then create afresh.
            await deleteRegistry(factory, ref);
            state.registry = undefined;
        }
        const created = await createRegistry(factory, ref, registryBody(plan, state), (serialized) => journal.operation('registry', serialized));
        state.registry = { id: created.id ?? registryId(plan), loginServer: created.loginServer, createdByRun: true, succeeded: true };
    },
    async probe({ factory, plan, state }) {
        const found = await readRegistry(factory, { subscriptionId: plan.subscriptionId, resourceGroup: plan.resourceGroup.name, name: plan.registry.name });
        if (found) {
            state.registry = {
                id: found.id ?? registryId(plan),
                loginServer: found.loginServer,
                createdByRun: true,
                succeeded: found.provisioningState === 'Succeeded',
            };
        }
    },
};
