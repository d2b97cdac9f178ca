export { runDeployment, validateDeployment } from './runDeployment';
export { DeploymentError } from './deploymentError';
export type { DeploymentContext, DeploymentOutput, DeploymentResult, DispatchRequest, DispatchResponse, TemplateParameterValues } from './types';
export { parseArmRequestBody } from './requestBody';
