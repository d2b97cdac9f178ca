/** API versions the exported templates use (all available in public Azure and Azure China). */
export const templateApi = {
    identity: '2023-01-31',
    vault: '2023-07-01',
    registry: '2023-07-01',
    roleAssignment: '2022-04-01',
    deployment: '2022-09-01',
} as const;

export const templateSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const parametersSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';
