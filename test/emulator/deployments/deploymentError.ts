// Errors in Azure's deployment shape (`{code, target?, message, details?}`, details nesting to any depth); thrown by
// the engine and returned by the deployments route as `{"error": ...}` or in `properties.error`.
export interface ErrorBody {
    code: string;
    target?: string;
    message: string;
    details?: ErrorBody[];
}

export class DeploymentError extends Error {
    readonly target?: string;
    /** The HTTP status the failing request answered (a deployment operation's `statusCode`); not part of the JSON. */
    readonly httpStatus?: number;

    constructor(
        readonly code: string,
        message: string,
        readonly details?: ErrorBody[],
        options: { target?: string; httpStatus?: number } = {},
    ) {
        super(message);
        this.target = options.target;
        this.httpStatus = options.httpStatus;
    }

    toJSON(): ErrorBody {
        return { code: this.code, ...(this.target ? { target: this.target } : {}), message: this.message, ...(this.details ? { details: this.details } : {}) };
    }
}

export function invalidTemplate(message: string): DeploymentError {
    return new DeploymentError('InvalidTemplate', `Deployment template validation failed: '${message}'`);
}

/** What ARM reports when resource operations fail: each failed operation's own error sits in `details`. */
export function deploymentFailed(inner: ErrorBody[]): DeploymentError {
    return new DeploymentError(
        'DeploymentFailed',
        'At least one resource deployment operation failed. Please list deployment operations for details. ' +
            'Please see https://aka.ms/arm-deployment-operations for usage details.',
        inner,
    );
}

/** A resource (e.g. a nested deployment) whose write ended in a terminal state other than Succeeded; ARM answers 409. */
export function terminalStateFailure(target: string, state: string, inner?: ErrorBody): DeploymentError {
    return new DeploymentError(
        'ResourceDeploymentFailure',
        `The resource write operation failed to complete successfully, because it reached terminal provisioning state '${state}'.`,
        inner ? [inner] : undefined,
        { target, httpStatus: 409 },
    );
}

/** Any error as ARM's error JSON (non-Azure errors become InternalServerError). */
export function errorBodyOf(error: unknown): ErrorBody {
    if (error instanceof DeploymentError) return error.toJSON();
    return { code: 'InternalServerError', message: error instanceof Error ? error.message : String(error) };
}
