import { createUserIdentity, getUserIdentityResource, readUserIdentity } from '../../azure/userIdentities';
import { parseResourceId } from '../../util/resourceId';
import { newIdentityId } from '../CreatePlan';
import type { CreateStep, StepContext } from './StepContext';

export const identityStep: CreateStep = {
    async run({ factory, plan, state }) {
        if (plan.identity.kind === 'existing') {
            const ref = parseResourceId(plan.identity.id);
            const { id, principalId, clientId } = await getUserIdentityResource(factory, ref);
            state.identity = { id: id || plan.identity.id, name: ref.name, principalId, clientId, createdByRun: false };
            return;
        }
        const { name } = plan.identity;
        const created = await createUserIdentity(factory, { subscriptionId: plan.subscriptionId, resourceGroup: plan.resourceGroup.name, name }, plan.location);
        state.identity = {
            id: created.id || newIdentityId(plan, name),
            name,
            principalId: created.principalId,
            clientId: created.clientId,
            createdByRun: true,
        };
    },
    probe: probeNewIdentity,
};

async function probeNewIdentity({ factory, plan, state }: StepContext): Promise<void> {
    if (plan.identity.kind !== 'new') {
        return;
    }
    const { name } = plan.identity;
    const found = await readUserIdentity(factory, { subscriptionId: plan.subscriptionId, resourceGroup: plan.resourceGroup.name, name }).catch(() => undefined);
    if (found) {
        state.identity = { id: found.id, name, principalId: found.principalId, clientId: found.clientId, createdByRun: true };
    }
}
