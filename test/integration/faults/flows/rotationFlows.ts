import { enableAutoRotationRequest } from '../../../../src/domain/autoRotation/enableAutoRotationRequest';
import { defaultRotationPolicy } from '../../../../src/domain/keys/rotationPolicy';
import { isDomainError } from '../../../../src/domain/errors';
import { firewallPathRequest } from '../../../../src/domain/firewall/firewallPathRequest';
import { getRegistry } from '../../../../src/domain/registries/getRegistry';
import { planRotation } from '../../../../src/domain/rotate/planRotation';
import { StepFailure } from '../../../../src/domain/engine/StepFailure';
import type { RotationPlan, RotationStepName } from '../../../../src/domain/rotate/RotationPlan';
import type { RotationRequest } from '../../../../src/domain/rotate/RotationRequest';
import { remainingPlan, runRotation, type RotationResult } from '../../../../src/domain/rotate/runRotation';
import { useSystemIdentityRequest } from '../../../../src/domain/systemIdentity/useSystemIdentityRequest';
import { check, describeError, explainCheckFailure, type FlowSpec } from '../flowSpec';
import { seedRegistry, type FaultWorld, type SeedRegistry } from '../faultWorld';

interface RotationInput {
    readonly registry: SeedRegistry;
    readonly request: RotationRequest;
    /** The plan of the latest run (a follow-up failure is retried from its failed step). */
    plan?: RotationPlan;
}

async function rotate(w: FaultWorld, input: RotationInput): Promise<RotationResult> {
    input.plan = undefined;
    input.plan = await planRotation(w.factory, input.request);
    return runRotation(w.factory, input.plan);
}

async function registryEncryption(w: FaultWorld, registryId: string) {
    const registry = (await w.state()).registries[registryId.toLowerCase()];
    return { kvp: registry?.encryption?.keyVaultProperties ?? {}, access: await w.keyAccess(registryId) };
}

/**
 * The rotate family: every flow here is a rotation request run through `planRotation` + `runRotation`; they differ
 * in the registry they start from, the request, and what "done" means.
 */
function rotationFlow(
    name: string,
    kind: Parameters<typeof seedRegistry>[1],
    request: (w: FaultWorld, registry: SeedRegistry) => Promise<RotationRequest>,
    done: (w: FaultWorld, input: RotationInput, kvp: { keyIdentifier?: string; identity?: string }) => string[],
): FlowSpec<RotationInput> {
    return {
        name,
        async prepare(w) {
            const registry = seedRegistry(w, kind);
            return { registry, request: await request(w, registry) };
        },
        run: (w, input) => rotate(w, input),
        explain(error) {
            if (error instanceof StepFailure) {
                return { step: error.params.step ?? '', cause: error.params.cause ?? '' };
            }
            return explainCheckFailure(error);
        },
        async checkState(w, input, error) {
            const problems: string[] = [];
            const { kvp, access } = await registryEncryption(w, input.registry.id);
            if (error instanceof StepFailure && error.code === 'RotationFollowUpFailed') {
                check(
                    problems,
                    kvp.versionedKeyIdentifier === error.params.newKey || kvp.keyIdentifier === error.params.newKey,
                    `the message says the registry uses ${error.params.newKey}, the emulator says ${kvp.keyIdentifier}`,
                );
            } else {
                // Not switched: the registry is on its old key and identity, and that key still works.
                check(
                    problems,
                    kvp.keyIdentifier === input.registry.keyIdentifier && kvp.identity === input.registry.identity,
                    `the registry moved to ${kvp.keyIdentifier} (${kvp.identity}) although the message says it was not switched`,
                );
                if (error instanceof StepFailure && error.code === 'RotationStepFailed') {
                    check(
                        problems,
                        error.params.keptKey === kvp.versionedKeyIdentifier || error.params.keptKey === kvp.keyIdentifier,
                        `the message names ${error.params.keptKey} as kept, the emulator has ${kvp.versionedKeyIdentifier}`,
                    );
                }
                check(
                    problems,
                    !(error instanceof StepFailure) || error.code === 'RotationStepFailed',
                    `expected RotationStepFailed, got ${describeError(error)}`,
                );
            }
            check(problems, access.accessible, `the registry cannot reach its key: ${access.reason}`);
            return problems;
        },
        async retry(w, input, error) {
            if (error instanceof StepFailure && error.code === 'RotationFollowUpFailed' && input.plan) {
                return runRotation(w.factory, remainingPlan(input.plan, error.params.step as RotationStepName));
            }
            return rotate(w, input);
        },
        async verify(w, input) {
            const { kvp, access } = await registryEncryption(w, input.registry.id);
            return [...done(w, input, kvp), ...(access.accessible ? [] : [`the registry cannot reach its key: ${access.reason}`])];
        },
    };
}

const registryOf = (w: FaultWorld, registry: SeedRegistry) => getRegistry(w.factory, registry.id);

export const rotateFlow = rotationFlow(
    'rotate',
    'accessPolicy',
    async (_w, registry) => ({ registryId: registry.id, key: { kind: 'newVersion' }, versionless: false, identity: { kind: 'keep' }, consent: {} }),
    (_w, input, kvp) =>
        kvp.keyIdentifier && kvp.keyIdentifier !== input.registry.keyIdentifier && /\/[0-9a-f]{32}$/i.test(kvp.keyIdentifier)
            ? []
            : [`expected a new pinned version, the registry has ${kvp.keyIdentifier}`],
);

export const systemIdentityFlow = rotationFlow(
    'use system identity',
    'accessPolicy',
    async (w, registry) => useSystemIdentityRequest(await registryOf(w, registry), { removePreviousIdentityAccess: true }),
    (_w, input, kvp) =>
        kvp.identity === 'system' && kvp.keyIdentifier === input.registry.keyIdentifier
            ? []
            : [`expected the same key with identity system, got ${kvp.keyIdentifier} (${kvp.identity})`],
);

export const autoRotationFlow = rotationFlow(
    'automatic rotation',
    'rbac',
    async (w, registry) => enableAutoRotationRequest(await registryOf(w, registry), { rotationPolicy: defaultRotationPolicy }),
    (_w, input, kvp) =>
        kvp.keyIdentifier === input.registry.keyIdentifier.replace(/\/[0-9a-f]{32}$/i, '') ? [] : [`expected the versionless key, got ${kvp.keyIdentifier}`],
);

export const firewallFlow = rotationFlow(
    'firewall path',
    'accessPolicy',
    async (w, registry) => {
        // The firewalled vault starts without trusted services, so the path also needs `enableTrustedServices`.
        const state = await w.state();
        const vault = Object.values(state.vaults).find((v) => v.name.startsWith('kv-fw-0001'))!;
        const [, , subscriptionId, , resourceGroup] = vault.id.split('/');
        const client = await w.factory.keyVaultManagement(subscriptionId!);
        await client.vaults.update(resourceGroup!, vault.name, {
            properties: { networkAcls: { bypass: 'None', defaultAction: 'Deny', ipRules: [{ value: '127.0.0.1' }], virtualNetworkRules: [] } },
        });
        const keyId = `https://${vault.name}${w.world.emulator.environment.keyVaultDnsSuffix}/keys/cmk-key-1`;
        return firewallPathRequest(await registryOf(w, registry), { keyId, versionless: true, enableTrustedServices: true });
    },
    (_w, _input, kvp) =>
        kvp.identity === 'system' && /kv-fw-0001/.test(kvp.keyIdentifier ?? '')
            ? []
            : [`expected the firewalled vault's key with identity system, got ${kvp.keyIdentifier} (${kvp.identity})`],
);

export { isDomainError };
