export { runDeployment, validateDeployment } from './runDeployment';
export { DeploymentError, type ErrorBody } from './deploymentError';
export { isoDuration } from './operationLog';
export type {
    DeploymentContext,
    DeploymentOperationRecord,
    DeploymentOutput,
    DeploymentResult,
    DispatchRequest,
    DispatchResponse,
    TemplateParameterValues,
} from './types';
export { parseArmRequestBody } from './requestBody';
