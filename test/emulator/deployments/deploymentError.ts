// Errors in Azure's deployment shape (`{code, message, details?}`); thrown by the engine and meant to be
// returned by the deployments route as `{"error": ...}` or in `properties.error`.
export class DeploymentError extends Error {
  constructor(readonly code: string, message: string, readonly details?: { code: string; message: string }[]) {
    super(message);
  }

  toJSON(): { code: string; message: string; details?: { code: string; message: string }[] } {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function invalidTemplate(message: string): DeploymentError {
  return new DeploymentError('InvalidTemplate', `Deployment template validation failed: '${message}'`);
}

/** What ARM reports when a resource operation fails: the resource's own error sits in `details`. */
export function deploymentFailed(inner: { code: string; message: string }): DeploymentError {
  return new DeploymentError(
    'DeploymentFailed',
    'At least one resource deployment operation failed. Please list deployment operations for details. ' +
      'Please see https://aka.ms/arm-deployment-operations for usage details.',
    [inner],
  );
}
