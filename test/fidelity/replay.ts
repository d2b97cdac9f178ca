import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../emulator/index';
import { call, credentialFor } from '../integration/emulator/harness';
import { compareHeaders, compareJson, volatileTokens, type Comparison } from './compare';

export interface RecordedInteraction {
    name: string;
    method: string;
    url: string;
    body?: unknown;
    anonymous?: boolean;
    response: { status: number; headers: Record<string, string>; body?: unknown };
    /** checks beyond the shape, e.g. a rotated version's `exp - created` from the policy's expiryTime */
    expect?: { expMinusCreated?: number };
    /**
     * A list compared only for its items whose `properties.scope` (role assignments) or `id` (other resources) is this
     * scope or below it: a role assignment list with `atScope()` also holds every assignment above the scope, and a
     * subscription's list every resource of the subscription, which in the recording are the recording tenant's own
     * (trimmed from the fixture) and in the emulator its seeded ones. Applied to both sides alike.
     */
    listScope?: string;
}
export interface Fixture {
    name: string;
    description: string;
    source: { repository: string; path: string; commit: string };
    /** `callerClientId`: the recording's application (a service principal's client id, in `systemData.createdBy`) */
    recorded: { subscriptionId: string; tenantId: string; callerObjectId?: string; callerClientId?: string; vaults?: Record<string, string> };
    headersNotRecorded?: string[];
    setup: { method: string; url: string; body?: unknown }[];
    interactions: RecordedInteraction[];
}
export interface InteractionResult {
    fixture: string;
    interaction: string;
    comparison: Comparison;
}

export const loadFixtures = (dir = join(__dirname, 'fixtures')): Fixture[] =>
    readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

/**
 * Rewrites recorded names into the emulator's: endpoints, the recorded subscription / tenant / caller, sanitized vault
 * names, and every GUID or key version learned so far (what a recorded identity or key version became in this run).
 */
class Translator {
    private readonly learned = new Map<string, string>();
    constructor(
        private readonly emulator: RunningEmulator,
        private readonly fixture: Fixture,
    ) {}

    text(value: string): string {
        const env = this.emulator.environment;
        let out = value
            .replace(/https:\/\/login\.(?:windows\.net|microsoftonline\.com)/g, env.authority)
            .replace(/https:\/\/management\.azure\.com/g, env.armEndpoint.replace(/\/$/, ''))
            .replace(/([A-Za-z0-9_-]+)\.vault\.azure\.net/g, (_m, vault: string) => `${this.fixture.recorded.vaults?.[vault] ?? vault}${env.keyVaultDnsSuffix}`)
            .replace(/https:\/\/vault\.azure\.net/g, env.keyVaultAudience)
            .replace(/\.azurecr\.io/g, env.acrLoginServerSuffix)
            .replace(/\{caller\}/g, env.principalObjectId)
            .replace(/\{tenant\}/g, env.tenantId);
        const fixed: [string | undefined, string][] = [
            [this.fixture.recorded.subscriptionId, env.subscriptions[0]!.id],
            [this.fixture.recorded.tenantId, env.tenantId],
            [this.fixture.recorded.callerObjectId, env.principalObjectId],
            [this.fixture.recorded.callerClientId, env.clientId],
        ];
        for (const [from, to] of fixed) if (from) out = out.split(from).join(to);
        for (const [from, to] of this.learned) out = out.split(from).join(to);
        return out;
    }

    json(value: unknown): unknown {
        return value === undefined ? undefined : JSON.parse(this.text(JSON.stringify(value)));
    }

    /** Pairs the GUIDs and key versions found at the same places of the recorded and the emulator's bodies. */
    learn(recorded: unknown, emulator: unknown): void {
        if (typeof recorded === 'string' && typeof emulator === 'string') {
            const r = volatileTokens(recorded);
            const e = volatileTokens(emulator);
            if (r.length === e.length) {
                r.forEach((token, i) => {
                    if (!this.learned.has(token) && token !== e[i]) this.learned.set(token, e[i]!);
                });
            }
            return;
        }
        if (recorded && emulator && typeof recorded === 'object' && typeof emulator === 'object') {
            for (const [k, v] of Object.entries(recorded as Record<string, unknown>)) {
                const ek = Object.keys(emulator as object).find((x) => x.toLowerCase() === k.toLowerCase());
                if (ek) this.learn(v, (emulator as Record<string, unknown>)[ek]);
            }
        }
    }
}

function hostOf(url: string): string {
    return new URL(url).host;
}

/**
 * Keeps the list items at or below `scope` (ids compared case-insensitively, as Azure does): a role assignment by its
 * `properties.scope`, any other resource by its `id`.
 */
function itemsUnder(body: unknown, scope: string): unknown {
    const value = (body as { value?: unknown } | undefined)?.value;
    if (!Array.isArray(value)) return body;
    const under = (s: unknown): boolean =>
        typeof s === 'string' && (s.toLowerCase() === scope.toLowerCase() || s.toLowerCase().startsWith(`${scope.toLowerCase()}/`));
    return {
        ...(body as object),
        value: value.filter((item: { id?: unknown; properties?: { scope?: unknown } }) => under(item?.properties?.scope ?? item?.id)),
    };
}

/** Replays one fixture against a fresh emulator, in order; the setup requests are sent but not compared. */
export async function replay(emulator: RunningEmulator, fixture: Fixture): Promise<InteractionResult[]> {
    const env = emulator.environment;
    const t = new Translator(emulator, fixture);
    const credential = credentialFor(emulator);
    const armToken = (await credential.getToken(`${env.armAudience}.default`)).token;
    const vaultToken = (await credential.getToken(`${env.keyVaultAudience}/.default`)).token;
    const tokenFor = (url: string): string => (hostOf(url) === hostOf(env.armEndpoint) ? armToken : vaultToken);

    for (const step of fixture.setup) {
        const url = t.text(step.url);
        const done = await call(emulator, step.method, url, { body: t.json(step.body), token: tokenFor(url) });
        if (done.status >= 300) throw new Error(`${fixture.name}: setup ${step.method} ${url} answered ${done.status}: ${JSON.stringify(done.body)}`);
    }

    const results: InteractionResult[] = [];
    let lastOperation: string | undefined;
    for (const interaction of fixture.interactions) {
        const url = interaction.url === '{azure-asyncoperation}' ? lastOperation : t.text(interaction.url);
        if (!url) throw new Error(`${fixture.name}: "${interaction.name}" polls an operation, but no response gave one`);
        const answer = await call(emulator, interaction.method, url, {
            body: t.json(interaction.body),
            token: interaction.anonymous ? undefined : tokenFor(url),
        });
        if (interaction.listScope) answer.body = itemsUnder(answer.body, t.text(interaction.listScope));
        const asyncHeader = answer.headers['azure-asyncoperation'];
        if (typeof asyncHeader === 'string') lastOperation = asyncHeader;
        t.learn(interaction.response.body, answer.body);
        const comparison: Comparison = { compared: 1, differences: [] };
        if (answer.status !== interaction.response.status) {
            comparison.differences.push({ kind: 'status', path: 'status', recorded: interaction.response.status, emulator: answer.status });
        }
        compareHeaders(t.json(interaction.response.headers) as Record<string, string>, answer.headers, comparison, fixture.headersNotRecorded);
        const recordedBody = interaction.listScope ? itemsUnder(interaction.response.body, interaction.listScope) : interaction.response.body;
        if (recordedBody !== undefined || answer.body !== undefined) compareJson(t.json(recordedBody), answer.body, '$', comparison);
        const expMinusCreated = interaction.expect?.expMinusCreated;
        if (expMinusCreated !== undefined) {
            comparison.compared++;
            const a = (answer.body as { attributes?: { exp?: number; created?: number } } | undefined)?.attributes;
            const actual = a?.exp !== undefined && a.created !== undefined ? a.exp - a.created : undefined;
            if (actual !== expMinusCreated) {
                comparison.differences.push({ kind: 'value', path: '$.attributes.exp - $.attributes.created', recorded: expMinusCreated, emulator: actual });
            }
        }
        results.push({ fixture: fixture.name, interaction: interaction.name, comparison });
    }
    return results;
}
