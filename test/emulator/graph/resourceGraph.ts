// Azure Resource Graph: `POST /providers/Microsoft.ResourceGraph/resources` over the world's registries, key vaults and
// user-assigned identities, as rows of the `Resources` table (lower-case `type` and `resourceGroup`, the resource's
// ARM JSON otherwise). What real Resource Graph does that clients must cope with is here too: pages of at most 1 000
// rows with `$skipToken` (only for queries that project `id`), the per-user quota in `x-ms-user-quota-remaining` /
// `x-ms-user-quota-resets-after` and 429 when it is spent, and the indexing lag (changes show after a delay).
import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResponse } from '../types';
import { badRequest } from '../errors';
import { lower } from '../ids';
import { findRole, actionMatches } from '../arm/roleDefinitions';
import { KqlError, runKql, type Row } from './kql';

export interface GraphSettings {
    /** requests per principal per window (Resource Graph's default: 15 per 5 s) */
    quota: number;
    windowMs: number;
    /** how long a change takes to show in query results (0: at once) */
    lagMs: number;
    /** the most rows one page carries whatever `$top` asks (Resource Graph's own cap is 1 000; it may send fewer) */
    pageLimit: number;
}

export const defaultGraphSettings: GraphSettings = { quota: 15, windowMs: 5000, lagMs: 0, pageLimit: 1000 };

/**
 * The index: every row as of `builtAt`, sorted by id (the order pages come in), and the answers already computed from
 * it (query and scope → every row of the answer): the pages after the first of a `$skipToken` walk are slices of one
 * answer instead of the whole query run again over the index. A new index starts with no answers.
 */
interface GraphIndex {
    builtAt: number;
    rows: Row[];
    answers: Map<string, Row[]>;
    pages: Map<string, string>;
}
interface GraphState {
    settings: GraphSettings;
    index?: GraphIndex;
    windows: Map<string, { start: number; used: number }>;
}

/** Answers kept per index (a listing's queries and scopes; the oldest goes first). */
const ANSWERS_KEPT = 16;
/** Serialized pages kept per index (the fleet of 10 000 registries: 11 pages). */
const PAGES_KEPT = 64;
const byId = (a: Row, b: Row): number => String(a.id).localeCompare(String(b.id));
const states = new WeakMap<EmulatorContext, GraphState>();

export function graphState(ctx: EmulatorContext): GraphState {
    let state = states.get(ctx);
    if (!state) {
        state = { settings: { ...defaultGraphSettings }, windows: new Map() };
        states.set(ctx, state);
    }
    return state;
}

/** Changes the quota, window or lag (admin API); the index is rebuilt on the next query. */
export function configureGraph(ctx: EmulatorContext, settings: Partial<GraphSettings>): GraphSettings {
    const state = graphState(ctx);
    state.settings = { ...state.settings, ...settings };
    state.index = undefined;
    state.windows.clear();
    return state.settings;
}

/** `{quota?, windowMs?, lagMs?, pageLimit?}` from the admin API, numbers only. */
export function graphSettingsOf(body: unknown): Partial<GraphSettings> {
    const input = (body ?? {}) as Record<string, unknown>;
    const settings: Partial<GraphSettings> = {};
    for (const key of ['quota', 'windowMs', 'lagMs', 'pageLimit'] as const) {
        if (input[key] !== undefined) {
            const value = Number(input[key]);
            if (!Number.isFinite(value) || value < 0) throw badRequest('InvalidGraphSettings', `${key} must be a number of at least 0.`);
            settings[key] = value;
        }
    }
    return settings;
}

type Dispatch = (req: { method: string; path: string; query: Record<string, string>; principal: ArmRequest['principal'] }) => Promise<ArmResponse>;

const INDEXED: { collection: 'registries' | 'vaults' | 'identities'; apiVersion: string }[] = [
    { collection: 'registries', apiVersion: '2025-11-01' },
    { collection: 'vaults', apiVersion: '2024-11-01' },
    { collection: 'identities', apiVersion: '2023-01-31' },
];

/** Every indexed resource as Resource Graph shows it, read through the emulator's own GET (the same JSON clients get). */
async function buildIndex(ctx: EmulatorContext, dispatch: Dispatch, principal: ArmRequest['principal']): Promise<Row[]> {
    const rows: Row[] = [];
    for (const { collection, apiVersion } of INDEXED) {
        for (const resource of Object.values(ctx.world[collection]) as { id: string }[]) {
            const got = await dispatch({ method: 'GET', path: resource.id, query: { 'api-version': apiVersion }, principal });
            if (got.status !== 200 || !got.body) continue;
            const body = got.body as Record<string, unknown>;
            const parts = resource.id.split('/');
            rows.push({
                id: body.id ?? resource.id,
                name: body.name,
                type: lower(String(body.type ?? '')),
                tenantId: ctx.world.tenantId,
                kind: body.kind ?? '',
                location: body.location ?? '',
                resourceGroup: lower(parts[4] ?? ''),
                subscriptionId: lower(parts[2] ?? ''),
                managedBy: '',
                sku: body.sku ?? null,
                plan: null,
                properties: body.properties ?? {},
                tags: body.tags ?? {},
                identity: body.identity ?? null,
                zones: null,
                extendedLocation: null,
            });
        }
    }
    return rows;
}

/** Subscriptions the caller may read: a service principal all (the emulator authorizes it without assignments), a user by role. */
function readableSubscriptions(ctx: EmulatorContext, principal: ArmRequest['principal']): Set<string> {
    const subscriptions = Object.keys(ctx.world.subscriptions).map(lower);
    const isUser = Object.values(ctx.world.users ?? {}).some((u) => lower(u.objectId) === lower(principal.objectId));
    if (!isUser) return new Set(subscriptions);
    return new Set(
        subscriptions.filter((sub) =>
            Object.values(ctx.world.roleAssignments).some(
                (a) =>
                    lower(a.principalId) === lower(principal.objectId) &&
                    (a.scope === '/' || lower(a.scope) === `/subscriptions/${sub}`) &&
                    (findRole(a.roleDefinitionId)?.actions.some((p) => actionMatches(p, 'Microsoft.Resources/subscriptions/read')) ?? false),
            ),
        ),
    );
}

const timeSpan = (ms: number): string => {
    const total = Math.max(0, Math.ceil(ms / 1000));
    return `${String(Math.floor(total / 3600)).padStart(2, '0')}:${String(Math.floor(total / 60) % 60).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

const invalidQuery = (error: KqlError, at: string): ArmResponse => ({
    status: 400,
    body: {
        error: {
            code: 'BadRequest',
            message:
                'Please provide below info when asking for support: timestamp = ' +
                at +
                ', correlationId = ' +
                createHash('sha1').update(error.message).digest('hex').slice(0, 32) +
                '.',
            details: [
                {
                    code: 'InvalidQuery',
                    message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.',
                },
                { code: 'ParserFailure', message: error.message, token: error.token },
            ],
        },
    },
});

/** `POST /providers/Microsoft.ResourceGraph/resources`. */
export async function queryResources(ctx: EmulatorContext, req: ArmRequest, dispatch: Dispatch): Promise<ArmResponse> {
    const state = graphState(ctx);
    const now = ctx.clock.nowMs();
    const key = lower(req.principal.objectId);
    let window = state.windows.get(key);
    if (!window || now - window.start >= state.settings.windowMs) {
        window = { start: now, used: 0 };
        state.windows.set(key, window);
    }
    const resetsAfter = timeSpan(window.start + state.settings.windowMs - now);
    if (window.used >= state.settings.quota) {
        return {
            status: 429,
            headers: { 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': resetsAfter },
            body: {
                error: {
                    code: 'RateLimiting',
                    message:
                        'Client application has been throttled and should not attempt to repeat the request until an amount of time has elapsed. Please see https://aka.ms/resourcegraph-throttling for help.',
                },
            },
        };
    }
    window.used++;
    const quotaHeaders = { 'x-ms-user-quota-remaining': String(state.settings.quota - window.used), 'x-ms-user-quota-resets-after': resetsAfter };

    const body = (req.body ?? {}) as { subscriptions?: string[]; query?: string; options?: { $top?: number; $skip?: number; $skipToken?: string } };
    if (typeof body.query !== 'string' || !body.query.trim()) {
        return {
            status: 400,
            headers: quotaHeaders,
            body: { error: { code: 'BadRequest', message: 'The request content was invalid: the query is missing.' } },
        };
    }
    if (!state.index || state.settings.lagMs === 0 || now - state.index.builtAt >= state.settings.lagMs) {
        state.index = { builtAt: now, rows: (await buildIndex(ctx, dispatch, req.principal)).sort(byId), answers: new Map(), pages: new Map() };
    }
    const index = state.index;
    const readable = readableSubscriptions(ctx, req.principal);
    const asked = body.subscriptions?.map(lower) ?? [...readable];
    const scope = new Set(asked.filter((sub) => readable.has(sub)));
    const answerKey = `${body.query}\n${[...scope].sort().join(',')}`;
    let result = index.answers.get(answerKey);
    if (!result) {
        try {
            result = runKql(body.query, { Resources: index.rows.filter((row) => scope.has(String(row.subscriptionId))) });
        } catch (error) {
            if (error instanceof KqlError) return { ...invalidQuery(error, ctx.clock.iso()), headers: quotaHeaders };
            throw error;
        }
        // Sorted by id when pageable (rows that kept the index's order sort in one pass).
        if (result.length > 0 && 'id' in result[0]!) result.sort(byId);
        if (index.answers.size >= ANSWERS_KEPT) index.answers.delete(index.answers.keys().next().value!);
        index.answers.set(answerKey, result);
    }
    const top = Math.min(Math.max(body.options?.$top ?? 100, 1), state.settings.pageLimit);
    const token = body.options?.$skipToken ? (JSON.parse(Buffer.from(body.options.$skipToken, 'base64').toString('utf8')) as { offset: number }) : undefined;
    const offset = token?.offset ?? body.options?.$skip ?? 0;
    // A page of an answer is the same text each time it is asked while the index lasts: serialized once (a page of
    // 1 000 registries is half a megabyte), so pages asked side by side cost the emulator little beyond their latency.
    const pageKey = `${answerKey}\n${offset}\n${top}`;
    let text = index.pages.get(pageKey);
    if (text === undefined) {
        const pageable = result.length > 0 && 'id' in result[0]!;
        const data = result.slice(offset, offset + top);
        const more = offset + top < result.length;
        text = JSON.stringify({
            totalRecords: result.length,
            count: data.length,
            resultTruncated: more && !pageable ? 'true' : 'false',
            facets: [],
            ...(more && pageable ? { $skipToken: Buffer.from(JSON.stringify({ offset: offset + top })).toString('base64') } : {}),
            data,
        });
        if (index.pages.size >= PAGES_KEPT) index.pages.delete(index.pages.keys().next().value!);
        index.pages.set(pageKey, text);
    }
    return { status: 200, headers: { ...quotaHeaders, 'content-type': 'application/json; charset=utf-8' }, body: text };
}
