import { DomainError, type DomainErrorCode, type DomainErrorParams } from '../errors';

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
    return firstBroken(name, [
        [name.length < 3 || name.length > 128, 'IdentityNameLength'],
        [!/^[a-zA-Z0-9][a-zA-Z0-9_-]*$/.test(name), 'IdentityNameCharacters'],
    ]);
}

export function vaultNameProblem(name: string): DomainError | undefined {
    return firstBroken(name, [
        [name.length < 3 || name.length > 24, 'VaultNameLength'],
        [!/^[a-zA-Z0-9-]+$/.test(name), 'VaultNameCharacters'],
        [!/^[a-zA-Z]/.test(name), 'VaultNameStart'],
        [name.endsWith('-') || name.includes('--'), 'VaultNameHyphens'],
    ]);
}

/** Resource group: 1–90 of letters (Unicode letters and digits included, as ARM allows), `_`, `-`, `.`, `(`, `)`; not ending in `.`. */
export function resourceGroupNameProblem(name: string): DomainError | undefined {
    const length = [...name].length;
    return firstBroken(name, [
        [length < 1 || length > 90, 'ResourceGroupNameLength'],
        [!/^[\p{L}\p{N}_\-.()]+$/u.test(name), 'ResourceGroupNameCharacters'],
        [name.endsWith('.'), 'ResourceGroupNameEndsWithPeriod'],
    ]);
}

/** The codes whose one param is the name. */
type NameCode = {
    [C in DomainErrorCode]: DomainErrorParams[C] extends { name: string } ? ({ name: string } extends DomainErrorParams[C] ? C : never) : never;
}[DomainErrorCode];

/** The error of the first rule (in order: each is [broken, code]) the name breaks. */
function firstBroken(name: string, rules: readonly (readonly [boolean, NameCode])[]): DomainError | undefined {
    const broken = rules.find(([isBroken]) => isBroken);
    return broken && new DomainError<NameCode>(broken[1], { name });
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
