import { executeCreate } from '../../src/domain/create/executeCreate';
import { loadCreateClients, preflightCreate } from '../../src/domain/create/preflight';
import { DiagnosisCache } from '../../src/domain/diagnose/DiagnosisCache';
import { diagnoseRegistry } from '../../src/domain/diagnose/diagnoseRegistry';
import { planRestore, runRestore } from '../../src/domain/restore/restoreKeyAccess';
import { planRevoke, runRevoke } from '../../src/domain/revoke/revokeKeyAccess';
import { MemoryStorage, StoredRevocations } from '../../src/domain/revoke/RevocationRecord';
import { planRotation } from '../../src/domain/rotate/planRotation';
import { runRotation } from '../../src/domain/rotate/runRotation';
import { useSystemIdentityRequest } from '../../src/domain/systemIdentity/useSystemIdentityRequest';
import { defineFlow, type FlowContext, type FlowEntry } from './FlowEntry';

const store = (context: FlowContext): StoredRevocations => {
    let revocations = context.shared.get('revocations') as StoredRevocations | undefined;
    if (!revocations) {
        context.shared.set('revocations', (revocations = new StoredRevocations(new MemoryStorage())));
    }
    return revocations;
};
const subscriptionIds = (context: FlowContext) => context.subscriptions.map((subscription) => subscription.subscriptionId);
const registry = (context: FlowContext, index: number) => {
    const found = context.registries[index];
    if (!found) {
        throw new Error(`the flow world has no CMK registry #${index}`);
    }
    return found;
};

/** The flows measured by flow-requests, in order (revoke before restore: restore puts back what revoke recorded). */
export const flows: FlowEntry[] = [
    defineFlow({
        name: 'create (all new: group, identity, vault, grants, key, registry)',
        cliRequests: 19,
        cliSource: 'test/cli walkthrough: az group create … az acr create (stock CLI 2.45 against the emulator)',
        // The wizard loads the run's SDK clients while the user answers its prompts (ResourceGroupPickStep).
        prepare: (context) => loadCreateClients(context.factory, context.subscriptions[0]!.subscriptionId),
        run: async (context) => {
            const suffix = `${process.pid % 10000}${Date.now() % 100000}`;
            const plan = {
                subscriptionId: context.subscriptions[0]!.subscriptionId,
                location: 'eastus',
                resourceGroup: { name: `rg-bench-${suffix}`, create: true },
                registry: { name: `benchreg${suffix}` },
                identity: { kind: 'new', name: `id-bench-${suffix}` },
                vault: { kind: 'new', name: `kv-bench-${suffix}`, softDeleteRetentionInDays: 90 },
                key: { kind: 'new', name: `key-${suffix}`, keyType: 'RSA', keySize: 3072 },
                versionless: true,
            } as const;
            await preflightCreate(context.factory, plan);
            await executeCreate(context.factory, plan);
        },
    }),
    defineFlow({
        name: 'rotate (new key version, same identity)',
        cliRequests: null,
        cliSource: 'not measured',
        prepare: (context) =>
            planRotation(context.factory, {
                registryId: registry(context, 0).id,
                key: { kind: 'newVersion' },
                versionless: false,
                identity: { kind: 'keep' },
                consent: {},
            }),
        run: async (context, plan) => {
            await runRotation(context.factory, plan);
        },
    }),
    defineFlow({
        name: 'switch to system identity (enable, grant, rotate-key)',
        cliRequests: null,
        cliSource: 'not measured',
        prepare: async () => undefined,
        run: async (context) => {
            const request = useSystemIdentityRequest(registry(context, 3), {
                removePreviousIdentityAccess: false,
                consent: { enableSystemIdentity: true, grantAccess: true },
            });
            await runRotation(context.factory, await planRotation(context.factory, request));
        },
    }),
    defineFlow({
        name: "revoke (remove the identity's key access)",
        cliRequests: null,
        cliSource: 'not measured',
        prepare: (context) =>
            planRevoke(context.factory, { registryId: registry(context, 4).id, method: { kind: 'removeAccess' }, subscriptionIds: subscriptionIds(context) }),
        run: async (context, plan) => {
            await runRevoke(context.factory, plan, store(context), registry(context, 4).name);
        },
    }),
    defineFlow({
        name: 'restore (put back the revoked access)',
        cliRequests: null,
        cliSource: 'not measured',
        prepare: async () => undefined,
        run: async (context) => {
            await runRestore(
                context.factory,
                await planRestore(context.factory, registry(context, 4).id, store(context), subscriptionIds(context)),
                store(context),
            );
        },
    }),
    defineFlow({
        name: 'diagnose (one registry: identity, vault, key, firewall)',
        cliRequests: null,
        cliSource: 'the CLI has no diagnosis',
        prepare: async () => undefined,
        run: async (context) => {
            await diagnoseRegistry(context.factory, registry(context, 1), new DiagnosisCache(subscriptionIds(context)));
        },
    }),
];
