import { isDomainError } from '../../../../src/domain/errors';
import { planRestore, runRestore } from '../../../../src/domain/restore/restoreKeyAccess';
import { MemoryStorage, StoredRevocations, type RevocationStore } from '../../../../src/domain/revoke/RevocationRecord';
import { planRevoke, runRevoke } from '../../../../src/domain/revoke/revokeKeyAccess';
import { check, explainCheckFailure, type FlowSpec } from '../flowSpec';
import { seedRegistry, type FaultWorld, type SeedRegistry } from '../faultWorld';

interface KeyAccessInput {
    readonly registry: SeedRegistry;
    readonly store: RevocationStore;
}

async function revoke(w: FaultWorld, input: KeyAccessInput) {
    const plan = await planRevoke(w.factory, { registryId: input.registry.id, method: { kind: 'removeAccess' } });
    return runRevoke(w.factory, plan, input.store, input.registry.name);
}

async function restore(w: FaultWorld, input: KeyAccessInput) {
    return runRestore(w.factory, await planRestore(w.factory, input.registry.id, input.store), input.store);
}

const stepFailure = (code: 'RevokeStepFailed' | 'RestoreStepFailed', step: string) => (error: unknown) =>
    isDomainError(error, code) ? { step, cause: error.params.cause } : explainCheckFailure(error);

export const revokeFlow: FlowSpec<KeyAccessInput> = {
    name: 'revoke',
    prepare: async (w) => ({ registry: seedRegistry(w, 'accessPolicy'), store: new StoredRevocations(new MemoryStorage()) }),
    run: (w, input) => revoke(w, input),
    explain: stepFailure('RevokeStepFailed', 'revoke'),
    async checkState(w, input, error) {
        // The message lists what was already revoked: the key is reachable exactly when nothing was.
        const problems: string[] = [];
        const done = isDomainError(error, 'RevokeStepFailed') ? error.params.done : [];
        const access = await w.keyAccess(input.registry.id);
        check(
            problems,
            access.accessible === (done.length === 0),
            `the message says revoked: ${JSON.stringify(done)}; the emulator says accessible=${access.accessible}`,
        );
        check(problems, (input.store.get(input.registry.id)?.removedGrants.length ?? 0) === done.length, 'the revocation record disagrees with the message');
        return problems;
    },
    retry: (w, input) => revoke(w, input),
    async verify(w, input) {
        const access = await w.keyAccess(input.registry.id);
        return [
            ...(access.accessible ? ['the registry still reaches its key after the revocation'] : []),
            ...(input.store.get(input.registry.id) ? [] : ['no revocation record for Restore']),
        ];
    },
};

export const restoreFlow: FlowSpec<KeyAccessInput> = {
    name: 'restore',
    async prepare(w) {
        const input = { registry: seedRegistry(w, 'accessPolicy'), store: new StoredRevocations(new MemoryStorage()) };
        await revoke(w, input);
        return input;
    },
    run: (w, input) => restore(w, input),
    explain: stepFailure('RestoreStepFailed', 'restore'),
    async checkState(w, input, error) {
        const problems: string[] = [];
        const done = isDomainError(error, 'RestoreStepFailed') ? error.params.done : [];
        const access = await w.keyAccess(input.registry.id);
        check(
            problems,
            access.accessible === done.length > 0,
            `the message says restored: ${JSON.stringify(done)}; the emulator says accessible=${access.accessible}`,
        );
        check(problems, !!input.store.get(input.registry.id), 'the revocation record was dropped although Restore failed');
        return problems;
    },
    retry: (w, input) => restore(w, input),
    async verify(w, input) {
        const access = await w.keyAccess(input.registry.id);
        return [
            ...(access.accessible ? [] : [`the registry cannot reach its key after Restore: ${access.reason}`]),
            ...(input.store.get(input.registry.id) ? ['the revocation record is still there'] : []),
        ];
    },
};
