import { parseResourceId } from '../../registries/resourceId';
import { newIdentityId } from '../CreatePlan';
import type { CreateStep, StepContext } from './StepContext';

export const identityStep: CreateStep = {
    needed: ({ state }) => !state.identity,
    async run({ factory, plan, state }) {
        if (plan.identity.kind === 'existing') {
            const { subscriptionId, resourceGroup, name } = parseResourceId(plan.identity.id);
            const found = await (await factory.managedIdentities(subscriptionId)).userAssignedIdentities.get(resourceGroup, name);
            state.identity = { id: found.id ?? plan.identity.id, name, principalId: found.principalId ?? '', clientId: found.clientId ?? '', createdByRun: false };
            return;
        }
        const client = await factory.managedIdentities(plan.subscriptionId);
        const created = await client.userAssignedIdentities.createOrUpdate(plan.resourceGroup.name, plan.identity.name, { location: plan.location });
        state.identity = {
            id: created.id ?? newIdentityId(plan, plan.identity.name), name: plan.identity.name,
            principalId: created.principalId ?? '', clientId: created.clientId ?? '', createdByRun: true,
        };
    },
    probe: probeNewIdentity,
};

async function probeNewIdentity({ factory, plan, state }: StepContext): Promise<void> {
    if (plan.identity.kind !== 'new') {
        return;
    }
    try {
        const found = await (await factory.managedIdentities(plan.subscriptionId)).userAssignedIdentities.get(plan.resourceGroup.name, plan.identity.name);
        state.identity = { id: found.id ?? '', name: plan.identity.name, principalId: found.principalId ?? '', clientId: found.clientId ?? '', createdByRun: true };
    } catch {
        // Not created.
    }
}
