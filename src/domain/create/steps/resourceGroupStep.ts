import { isNotFound } from '../../azure/azureErrors';
import { resourceGroupId } from '../CreatePlan';
import type { CreateStep } from './StepContext';

/** A new group is created only when absent (an existing one is used, never claimed); an existing group is taken as picked. */
export const resourceGroupStep: CreateStep = {
    needed: ({ state }) => !state.resourceGroup,
    async run({ factory, plan, state }) {
        const id = resourceGroupId(plan);
        if (!plan.resourceGroup.create) {
            state.resourceGroup = { id, createdByRun: false };
            return;
        }
        const groups = (await factory.resources(plan.subscriptionId)).resourceGroups;
        try {
            const existing = await groups.get(plan.resourceGroup.name);
            state.resourceGroup = { id: existing.id ?? id, createdByRun: false };
            return;
        } catch (error) {
            if (!isNotFound(error)) {
                throw error;
            }
        }
        const created = await groups.createOrUpdate(plan.resourceGroup.name, { location: plan.location });
        state.resourceGroup = { id: created.id ?? id, createdByRun: true };
    },
    async probe({ factory, plan, state }) {
        if (!plan.resourceGroup.create) {
            return;
        }
        try {
            const found = await (await factory.resources(plan.subscriptionId)).resourceGroups.get(plan.resourceGroup.name);
            state.resourceGroup = { id: found.id ?? resourceGroupId(plan), createdByRun: true };
        } catch {
            // Absent (or unreadable): nothing to record.
        }
    },
};
