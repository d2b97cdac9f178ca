import { DomainError } from '../errors';

/**
 * Azure's naming rules, checked locally so nothing is sent for a name Azure would refuse. Each returns the
 * structured error for the first broken rule, or undefined. Names are taken as typed: surrounding
 * whitespace is a broken rule, not something to trim silently.
 */
export function registryNameProblem(name: string): DomainError<'RegistryNameLength' | 'RegistryNameCharacters'> | undefined {
    if (name.length < 5 || name.length > 50) {
        return new DomainError('RegistryNameLength', { name, length: String([...name].length) });
    }
    if (!/^[a-zA-Z0-9]+$/.test(name)) {
        return new DomainError('RegistryNameCharacters', { name });
    }
    return undefined;
}

export function identityNameProblem(name: string): DomainError | undefined {
    if (name.length < 3 || name.length > 128) {
        return new DomainError('IdentityNameLength', { name });
    }
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_-]*$/.test(name)) {
        return new DomainError('IdentityNameCharacters', { name });
    }
    return undefined;
}

export function vaultNameProblem(name: string): DomainError | undefined {
    if (name.length < 3 || name.length > 24) {
        return new DomainError('VaultNameLength', { name });
    }
    if (!/^[a-zA-Z0-9-]+$/.test(name)) {
        return new DomainError('VaultNameCharacters', { name });
    }
    if (!/^[a-zA-Z]/.test(name)) {
        return new DomainError('VaultNameStart', { name });
    }
    if (name.endsWith('-') || name.includes('--')) {
        return new DomainError('VaultNameHyphens', { name });
    }
    return undefined;
}

/** Resource group: 1–90 of letters (Unicode letters and digits included, as ARM allows), `_`, `-`, `.`, `(`, `)`; not ending in `.`. */
export function resourceGroupNameProblem(name: string): DomainError | undefined {
    const length = [...name].length;
    if (length < 1 || length > 90) {
        return new DomainError('ResourceGroupNameLength', { name });
    }
    if (!/^[\p{L}\p{N}_\-.()]+$/u.test(name)) {
        return new DomainError('ResourceGroupNameCharacters', { name });
    }
    if (name.endsWith('.')) {
        return new DomainError('ResourceGroupNameEndsWithPeriod', { name });
    }
    return undefined;
}

export function keyNameProblem(name: string): DomainError | undefined {
    return /^[a-zA-Z0-9-]{1,127}$/.test(name) ? undefined : new DomainError('KeyNameInvalid', { name });
}

export const minRetentionDays = 7;
export const maxRetentionDays = 90;
export const defaultRetentionDays = 90;

export function retentionProblem(value: string | number): DomainError | undefined {
    const text = String(value).trim();
    const days = Number(text);
    if (!/^\d+$/.test(text) || days < minRetentionDays || days > maxRetentionDays) {
        return new DomainError('SoftDeleteRetentionInvalid', { value: String(value) });
    }
    return undefined;
}

export const rsaKeySizes = [2048, 3072, 4096] as const;
export type RsaKeySize = (typeof rsaKeySizes)[number];

export function keySizeProblem(size: number): DomainError | undefined {
    return (rsaKeySizes as readonly number[]).includes(size) ? undefined : new DomainError('KeySizeInvalid', { size: String(size) });
}
