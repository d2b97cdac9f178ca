import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { RegistrySummary } from '../registries/RegistryEncryption';
import { mapWithConcurrency } from '../util/mapWithConcurrency';
import { DiagnosisCache } from './DiagnosisCache';
import { diagnoseRegistry } from './diagnoseRegistry';
import { finding, type RegistryDiagnosis } from './Finding';

export interface DiagnoseTarget {
    readonly registry: RegistrySummary;
    readonly factory: AzureClientFactory;
}

export interface DiagnoseAllStats {
    readonly registries: number;
    readonly concurrency: number;
    /** The most registries that were being diagnosed at the same time (never above `concurrency`). */
    readonly maxInFlight: number;
    readonly durationMs: number;
}

export const defaultDiagnoseConcurrency = 8;

/**
 * Diagnoses many registries with at most `concurrency` in flight and one cache for the whole run, so registries
 * sharing a vault, key or identity cost one set of Key Vault and ARM reads. One failing registry does not stop the rest.
 */
export async function diagnoseAll(
    targets: readonly DiagnoseTarget[],
    options: { subscriptionIds: readonly string[]; concurrency?: number; onDone?: (done: number, total: number) => void },
): Promise<{ diagnoses: RegistryDiagnosis[]; stats: DiagnoseAllStats }> {
    const concurrency = options.concurrency ?? defaultDiagnoseConcurrency;
    const cache = new DiagnosisCache(options.subscriptionIds);
    const started = Date.now();
    let inFlight = 0;
    let maxInFlight = 0;
    let done = 0;
    const diagnoses = await mapWithConcurrency(targets, concurrency, async ({ registry, factory }) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
            return await diagnoseRegistry(factory, registry, cache);
        } catch (error) {
            return {
                registryId: registry.id,
                registryName: registry.name,
                subscriptionId: registry.subscriptionId,
                status: 'unknown' as const,
                findings: [finding('vault', 'unknown', 'vaultUnreadable', { vault: '', reason: error instanceof Error ? error.message : String(error) })],
            };
        } finally {
            inFlight -= 1;
            options.onDone?.(++done, targets.length);
        }
    });
    return { diagnoses, stats: { registries: targets.length, concurrency, maxInFlight, durationMs: Date.now() - started } };
}
