import { ResourceGroupPickStep, type ResourceGroupPicker } from '../wizard/pickers/ResourceGroupPickStep';
import type { DeployTemplateContext } from './DeployTemplateContext';

/** An existing group of the subscription picked before: the template's resources go there. */
const deployResourceGroupPicker: ResourceGroupPicker<DeployTemplateContext> = {
    where: (context) => context.target!,
    purpose: 'deployment',
    answered: (context) => !!context.resourceGroup,
    answer: (context, group) => {
        context.resourceGroup = group && !group.create ? group.name : undefined;
    },
};

export const deployResourceGroupStep = () => new ResourceGroupPickStep(deployResourceGroupPicker);
