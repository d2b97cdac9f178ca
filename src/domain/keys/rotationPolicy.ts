import type { KeyRotationPolicyProperties } from '@azure/keyvault-keys';
import { writeKeyRotationPolicy } from '../azure/keyRotationPolicies';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import type { KeyIdentifier } from './keyIdentifier';

/** "Rotate every N days, notify M days before expiry": what the user chooses. */
export interface RotationPolicyInput {
    readonly rotateEveryDays: number;
    readonly notifyDaysBeforeExpiry: number;
}

export const defaultRotationPolicy: RotationPolicyInput = { rotateEveryDays: 90, notifyDaysBeforeExpiry: 30 };

/**
 * New versions expire after twice the rotation interval (Key Vault wants at least 28 days), so a rotation that
 * did not happen still leaves a full interval, and the notice comes before expiry but never before the rotation.
 */
export function expiryDays(rotateEveryDays: number): number {
    return Math.max(2 * rotateEveryDays, 28);
}

/**
 * A day count as typed: digits only, surrounding whitespace ignored. Anything else (`1e1`, `0x1F`, `30.0`, empty)
 * is NaN, so the check reports the text the user typed instead of what `Number()` made of it.
 */
export function parseDays(text: string): number {
    const trimmed = text.trim();
    return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function maxNotifyDays(rotateEveryDays: number): number {
    return expiryDays(rotateEveryDays) - rotateEveryDays;
}

// The checks of a rotation interval and a notice period; `typed` is what the error quotes.
const intervalProblem = (days: number, typed: string): DomainError | undefined =>
    Number.isInteger(days) && days >= 7 && days <= 3650 ? undefined : new DomainError('RotationIntervalInvalid', { days: typed });

function noticeProblem(days: number, typed: string, rotateEveryDays: number): DomainError | undefined {
    const max = maxNotifyDays(rotateEveryDays);
    return Number.isInteger(days) && days >= 7 && days <= max ? undefined : new DomainError('NotifyBeforeExpiryInvalid', { days: typed, maxDays: String(max) });
}

/** The prompt's check of a typed rotation interval; the error quotes the text as typed. */
export function rotationIntervalTextProblem(text: string): DomainError | undefined {
    return intervalProblem(parseDays(text), text.trim());
}

/** The prompt's check of a typed notice period, given the chosen interval; the error quotes the text as typed. */
export function notifyBeforeExpiryTextProblem(text: string, rotateEveryDays: number): DomainError | undefined {
    return noticeProblem(parseDays(text), text.trim(), rotateEveryDays);
}

export function validateRotationPolicy({ rotateEveryDays, notifyDaysBeforeExpiry }: RotationPolicyInput): void {
    const problem =
        intervalProblem(rotateEveryDays, String(rotateEveryDays)) ?? noticeProblem(notifyDaysBeforeExpiry, String(notifyDaysBeforeExpiry), rotateEveryDays);
    if (problem) {
        throw problem;
    }
}

export function toKeyRotationPolicy(input: RotationPolicyInput): KeyRotationPolicyProperties {
    validateRotationPolicy(input);
    return {
        expiresIn: `P${expiryDays(input.rotateEveryDays)}D`,
        lifetimeActions: [
            { action: 'Rotate', timeAfterCreate: `P${input.rotateEveryDays}D` },
            { action: 'Notify', timeBeforeExpiry: `P${input.notifyDaysBeforeExpiry}D` },
        ],
    };
}

/** Writes the key's rotation policy (data plane `PUT /keys/{name}/rotationpolicy`). */
export async function setRotationPolicy(factory: AzureClientFactory, key: KeyIdentifier, input: RotationPolicyInput): Promise<void> {
    await writeKeyRotationPolicy(factory, key.vaultUrl, key.keyName, toKeyRotationPolicy(input));
}
