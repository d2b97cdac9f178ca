import type { DeploymentContext } from './types';

/** What template functions can see while one deployment is evaluated. */
export interface EvaluationScope {
    context: DeploymentContext;
    parameter(name: string): Promise<unknown>;
    variable(name: string): Promise<unknown>;
    /** `reference()`: GET the resource (through dispatch); `full` returns the whole resource, else its `properties`. */
    reference(target: string, apiVersion: string | undefined, full: boolean): Promise<unknown>;
}
