import * as assert from 'node:assert/strict';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { planRotation } from '../../../src/domain/rotate/planRotation';
import type { RotationPlan } from '../../../src/domain/rotate/RotationPlan';
import type { RotationConsent, RotationRequest } from '../../../src/domain/rotate/RotationRequest';
import { runRotation, type RotationResult } from '../../../src/domain/rotate/runRotation';
import type { RotateWorld } from './rotateWorld';

export const allConsent: RotationConsent = {
    reassignRemovedIdentity: true,
    assignIdentity: true,
    enableSystemIdentity: true,
    grantAccess: true,
    enableTrustedServices: true,
    grantPolicyRights: true,
};

/** A finished flow: what it was asked, what it planned and what it reported; the CLI agreement checks derive from it. */
export interface RotationOutcome {
    readonly request: RotationRequest;
    readonly plan: RotationPlan;
    readonly result: RotationResult;
}

export async function rotate(w: RotateWorld, request: Omit<RotationRequest, 'consent'> & { consent?: RotationConsent }): Promise<RotationOutcome> {
    return planAndRun(w, { consent: allConsent, ...request });
}

export async function planAndRun(w: RotateWorld, request: RotationRequest): Promise<RotationOutcome> {
    const plan = await planRotation(w.factory, request);
    return { request, plan, result: await runRotation(w.factory, plan) };
}

/** Read fresh from ARM: the registry uses `keyIdentifier` with `identity`, and the emulator can unwrap its data key with them. */
export async function assertRegistryUses(w: RotateWorld, registryId: string, keyIdentifier: string, identity: string): Promise<RegistrySummary> {
    const registry = await getRegistry(w.factory, registryId);
    const kvp = registry.raw.encryption?.keyVaultProperties;
    assert.equal(kvp?.keyIdentifier?.toLowerCase(), keyIdentifier.toLowerCase(), 'key identifier');
    assert.equal(kvp?.identity?.toLowerCase(), identity.toLowerCase(), 'encryption identity');
    const access = await w.keyAccess(registryId);
    assert.equal(access.accessible, true, `key-access: ${access.reason}`);
    return registry;
}

export function versionOf(keyId: string | undefined): string {
    return (keyId ?? '').split('/keys/')[1]?.split('/')[1] ?? '';
}
