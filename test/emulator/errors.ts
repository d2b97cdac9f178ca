import type { ArmResponse } from './types';

/** An error answered in Azure Resource Manager's shape: `{"error":{"code","message"}}`. */
export class ArmError extends Error {
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
        readonly headers?: Record<string, string>,
        readonly innerCode?: string,
    ) {
        super(message);
    }
    toResponse(): ArmResponse {
        const inner = this.innerCode ? { innererror: { code: this.innerCode } } : {};
        return { status: this.status, body: { error: { code: this.code, message: this.message, ...inner } }, headers: this.headers };
    }
}

export const badRequest = (code: string, message: string): ArmError => new ArmError(400, code, message);
export const notFound = (code: string, message: string): ArmError => new ArmError(404, code, message);
export const conflict = (code: string, message: string): ArmError => new ArmError(409, code, message);

export function resourceNotFound(type: string, name: string, group?: string): ArmError {
    const where = group ? ` under resource group '${group}'` : '';
    return notFound(
        'ResourceNotFound',
        `The Resource '${type}/${name}'${where} was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
}

export function groupNotFound(name: string): ArmError {
    return notFound('ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
}

/** Key Vault's 403: `{"error":{"code":"Forbidden","message",innererror:{code}}}`. */
export const forbidden = (innerCode: string, message: string): ArmError => new ArmError(403, 'Forbidden', message, undefined, innerCode);
