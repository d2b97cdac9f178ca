import type { Registry } from '@azure/arm-containerregistry';
import { isNotFound } from '../../azure/azureErrors';
import { registryId, type CreatePlan } from '../CreatePlan';
import type { CreateRunState } from '../CreateRunState';
import { pollOptions, type CreateStep } from './StepContext';

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
    needed: ({ state }) => !state.registry?.succeeded,
    async run({ factory, plan, state }) {
        const client = await factory.containerRegistry(plan.subscriptionId);
        if (state.registry?.createdByRun) {
            // A create whose operation failed leaves a Failed registry: remove this run's own leftover, then create afresh.
            await client.registries.delete(plan.resourceGroup.name, plan.registry.name, pollOptions(factory));
            state.registry = undefined;
        }
        const created = await client.registries.create(plan.resourceGroup.name, plan.registry.name, registryBody(plan, state), pollOptions(factory));
        state.registry = { id: created.id ?? registryId(plan), loginServer: created.loginServer, createdByRun: true, succeeded: true };
    },
    async probe({ factory, plan, state }) {
        try {
            const found = await (await factory.containerRegistry(plan.subscriptionId)).registries.get(plan.resourceGroup.name, plan.registry.name);
            state.registry = { id: found.id ?? registryId(plan), loginServer: found.loginServer, createdByRun: true, succeeded: found.provisioningState === 'Succeeded' };
        } catch (error) {
            if (!isNotFound(error)) {
                throw error;
            }
        }
    },
};
