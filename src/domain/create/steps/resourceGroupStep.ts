import { createResourceGroup, readResourceGroup } from '../../azure/resourceGroups';
import { resourceGroupId } from '../CreatePlan';
import type { CreateStep } from './StepContext';

/** A new group is created only when absent (an existing one is used, never claimed); an existing group is taken as picked. */
export const resourceGroupStep: CreateStep = {
    async run({ factory, plan, state }) {
        const id = resourceGroupId(plan);
        if (!plan.resourceGroup.create) {
            state.resourceGroup = { id, createdByRun: false };
            return;
        }
        const existing = await readResourceGroup(factory, plan.subscriptionId, plan.resourceGroup.name);
        if (existing) {
            state.resourceGroup = { id: existing.id ?? id, createdByRun: false };
            return;
        }
        const created = await createResourceGroup(factory, plan.subscriptionId, plan.resourceGroup.name, plan.location);
        state.resourceGroup = { id: created.id ?? id, createdByRun: true };
    },
    async probe({ factory, plan, state }) {
        if (!plan.resourceGroup.create) {
            return;
        }
        // Absent (or unreadable): nothing to record.
        const found = await readResourceGroup(factory, plan.subscriptionId, plan.resourceGroup.name).catch(() => undefined);
        if (found) {
            state.resourceGroup = { id: found.id ?? resourceGroupId(plan), createdByRun: true };
        }
    },
};
