import type { GrantRecord } from '../access/GrantRecord';
import { StepFailure } from '../engine/StepFailure';

/**
 * One change Revoke or Restore made, as data: the UI words it (src/l10n/keyAccessText.ts), in the user's language.
 * A failure half-way lists these ("already revoked: …"), so the user knows what now holds.
 */
export type KeyAccessChange =
    | { readonly kind: 'grant'; readonly grant: GrantRecord; readonly vault: string }
    | { readonly kind: 'version'; readonly key: string; readonly version: string }
    | { readonly kind: 'recoveredKey'; readonly key: string };

/** What a revocation record holds, one change each. */
export function revokedChanges(
    record: { readonly removedGrants: readonly GrantRecord[]; readonly disabledVersions: readonly string[] },
    vault: string,
    key: string,
): KeyAccessChange[] {
    return [
        ...record.removedGrants.filter((grant) => grant.kind !== 'none').map((grant): KeyAccessChange => ({ kind: 'grant', grant, vault })),
        ...record.disabledVersions.map((version): KeyAccessChange => ({ kind: 'version', key, version })),
    ];
}

/** How Revoke or Restore reports a failed change: Azure's error, and what was done before it (`done()`), one item each. */
export function keyAccessFailure(flow: 'revoke' | 'restore', registry: string, done: () => readonly KeyAccessChange[]) {
    const code = flow === 'revoke' ? 'RevokeStepFailed' : 'RestoreStepFailed';
    return (step: string, error: unknown, completed: readonly string[]): StepFailure =>
        new StepFailure(code, { registry, cause: (error as Error).message ?? String(error), done: done() }, flow, step, completed, error);
}
