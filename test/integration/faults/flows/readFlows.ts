import { diagnoseAll } from '../../../../src/domain/diagnose/diagnoseAll';
import type { RegistryDiagnosis } from '../../../../src/domain/diagnose/Finding';
import { isDomainError } from '../../../../src/domain/errors';
import { listRegistriesInSubscription, listRegistriesInSubscriptions } from '../../../../src/domain/registries/listRegistries';
import { showRegistryEncryption } from '../../../../src/domain/registries/getRegistry';
import type { RegistrySummary } from '../../../../src/domain/registries/RegistryEncryption';
import { listSubscriptions } from '../../../../src/domain/subscriptions/listSubscriptions';
import { check, describeError, type FlowSpec } from '../flowSpec';
import { seedRegistry, type FaultWorld } from '../faultWorld';

/** What the tree shows for a failed load: the root ("Error: … click to retry") or one subscription ("Could not list registries: …"). */
class TreeNodeError extends Error {
    constructor(
        readonly node: string,
        readonly error: unknown,
    ) {
        super(`${node}: ${describeError(error)}`);
    }
}

async function loadTree(w: FaultWorld): Promise<Map<string, string[]>> {
    const subscriptions = await listSubscriptions(w.factory).catch((error: unknown) => {
        throw new TreeNodeError('subscriptions', error);
    });
    const listed = await listRegistriesInSubscriptions(subscriptions.map((s) => ({ subscriptionId: s.subscriptionId, factory: w.factory })));
    const failed = listed.find((entry) => entry.error !== undefined);
    if (failed) {
        throw new TreeNodeError(`subscription ${failed.subscriptionId}`, failed.error);
    }
    return new Map(listed.map((entry) => [entry.subscriptionId.toLowerCase(), (entry.registries ?? []).map((r) => r.name.toLowerCase())]));
}

async function treeAgreesWithEmulator(w: FaultWorld, tree: Map<string, string[]>): Promise<string[]> {
    const problems: string[] = [];
    const state = await w.state();
    for (const id of w.subscriptionIds) {
        const expected = Object.values(state.registries)
            .filter((r) => r.id.split('/')[2]?.toLowerCase() === id.toLowerCase())
            .map((r) => r.name.toLowerCase())
            .sort();
        check(
            problems,
            JSON.stringify(tree.get(id.toLowerCase()) ?? []) === JSON.stringify(expected),
            `subscription ${id} lists ${tree.get(id.toLowerCase())} but the emulator has ${expected}`,
        );
    }
    return problems;
}

export const listFlow: FlowSpec<void> = {
    name: 'list/tree',
    prepare: async () => undefined,
    run: (w) => loadTree(w),
    explain: (error) => (error instanceof TreeNodeError ? { step: error.node, cause: describeError(error.error) } : undefined),
    // A listing changes nothing; the other subscriptions' nodes must still be right.
    checkState: async () => [],
    retry: (w) => loadTree(w),
    verify: (w, _input, result) => treeAgreesWithEmulator(w, result as Map<string, string[]>),
};

export const showFlow: FlowSpec<{ registryId: string; keyIdentifier: string }> = {
    name: 'show',
    prepare: async (w) => ({ registryId: seedRegistry(w, 'rbac').id, keyIdentifier: seedRegistry(w, 'rbac').keyIdentifier }),
    run: (w, input) => showRegistryEncryption(w.factory, input.registryId),
    // One read: the command is the step. A 404 is the structured RegistryNotFound; other errors carry Azure's status and message.
    explain: (error) =>
        isDomainError(error)
            ? { step: 'showEncryption', cause: describeError(error), gone: error.code === 'RegistryNotFound' }
            : (error as { statusCode?: number })?.statusCode
              ? { step: 'showEncryption', cause: describeError(error) }
              : undefined,
    checkState: async () => [],
    retry: (w, input) => showRegistryEncryption(w.factory, input.registryId),
    async verify(_w, input, result) {
        const shown = JSON.parse(String(result)) as { keyVaultProperties?: { keyIdentifier?: string } };
        return shown.keyVaultProperties?.keyIdentifier === input.keyIdentifier
            ? []
            : [`shows ${shown.keyVaultProperties?.keyIdentifier}, expected ${input.keyIdentifier}`];
    },
};

/** A diagnosis that differs from the fault-free one: each changed finding names its check and must carry the cause. */
class DiagnosisChanged extends Error {
    constructor(readonly changes: { registry: string; check: string; code: string; status: string; params: Record<string, string> }[]) {
        super(changes.map((c) => `${c.registry}/${c.check}: ${c.status} ${c.code} ${JSON.stringify(c.params)}`).join('; '));
    }
}

const findingKey = (d: RegistryDiagnosis, f: RegistryDiagnosis['findings'][number]) => `${d.registryName}|${f.check}|${f.status}|${f.code}`;
let diagnoseBaseline: Set<string> | undefined;

async function diagnose(w: FaultWorld, registries: RegistrySummary[]): Promise<RegistryDiagnosis[]> {
    const { diagnoses } = await diagnoseAll(
        registries.map((registry) => ({ registry, factory: w.factory })),
        { subscriptionIds: w.subscriptionIds },
    );
    if (diagnoseBaseline) {
        const changes = diagnoses.flatMap((d) =>
            d.findings
                .filter((f) => !diagnoseBaseline!.has(findingKey(d, f)))
                .map((f) => ({ registry: d.registryName, check: f.check, code: f.code, status: f.status, params: { ...f.params } })),
        );
        if (changes.length > 0) {
            throw new DiagnosisChanged(changes);
        }
    }
    return diagnoses;
}

// Findings that report a link as gone: the truthful reading of a 404 ("deleted under us").
const goneCodes = new Set(['vaultMissing', 'vaultSoftDeleted', 'keyMissing', 'keySoftDeleted', 'identityDeleted']);
const gone = (change: { code: string; params: Record<string, string> }): boolean => goneCodes.has(change.code) || /NotFound/.test(change.params.reason ?? '');

export const diagnoseFlow: FlowSpec<RegistrySummary[]> = {
    name: 'diagnose',
    // The registries come from the tree (listed without faults). Diagnose All over the first subscription: its three
    // registries are the seed's three CMK setups; the second subscription repeats them (same requests, other names).
    prepare: async (w) => listRegistriesInSubscription(w.factory, w.subscriptionIds[0]!),
    run: (w, registries) => diagnose(w, registries),
    explain(error) {
        if (!(error instanceof DiagnosisChanged)) {
            return undefined;
        }
        const unexplained = error.changes.filter((c) => !c.params.reason && !gone(c));
        return unexplained.length > 0
            ? undefined
            : { step: error.changes.map((c) => `${c.registry}/${c.check}`).join(','), cause: error.message, gone: error.changes.every(gone) };
    },
    checkState: async () => [],
    retry: (w, registries) => diagnose(w, registries),
    verify: async () => [],
    learnBaseline(result) {
        diagnoseBaseline = new Set((result as RegistryDiagnosis[]).flatMap((d) => d.findings.map((f) => findingKey(d, f))));
    },
};
