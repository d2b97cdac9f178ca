import type { CreatePlan } from '../../../src/domain/create/CreatePlan';

let counter = 0;

/** A unique suffix per plan, so every test in a file gets its own names (registry and vault names are global). */
export function uniqueSuffix(): string {
    counter += 1;
    return `${process.pid % 10000}${counter}`;
}

/** The all-new plan: new group, identity, vault (access policies), RSA 3072 key, versionless. */
export function allNewPlan(subscriptionId: string, overrides: Partial<CreatePlan> = {}): CreatePlan {
    const s = uniqueSuffix();
    return {
        subscriptionId,
        location: 'eastus',
        resourceGroup: { name: `rg-create-${s}`, create: true },
        registry: { name: `cmkreg${s}` },
        identity: { kind: 'new', name: `id-create-${s}` },
        vault: { kind: 'new', name: `kv-create-${s}`, softDeleteRetentionInDays: 90 },
        key: { kind: 'new', name: `key-${s}`, keyType: 'RSA', keySize: 3072 },
        versionless: true,
        ...overrides,
    };
}
