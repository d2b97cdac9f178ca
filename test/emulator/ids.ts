import { randomBytes, createHash } from 'node:crypto';

/** A random RFC 4122 v4 GUID (or a deterministic one from `random`). */
export function guid(random: () => number = Math.random): string {
    const bytes = Buffer.alloc(16);
    for (let i = 0; i < 16; i++) bytes[i] = Math.floor(random() * 256);
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const h = bytes.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const isGuid = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Key Vault key versions are 32 lower-case hex characters. */
export const keyVersionId = (): string => randomBytes(16).toString('hex');

/** Deterministic PRNG (mulberry32) seeded from a string, for reproducible seeding. */
export function seededRandom(seed: string): () => number {
    let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
    return () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export const lower = (s: string): string => s.toLowerCase();
export const nowIso = (): string => new Date().toISOString();
/**
 * .NET's round-trip time, as Container Registry writes it: 7 fraction digits, `+00:00` (systemData, timestamps) or
 * `Z` (creationDate). JavaScript knows milliseconds only, so the last four digits are zeros.
 */
export const dotnetTime = (zone: '+00:00' | 'Z' = '+00:00', at: Date = new Date()): string => at.toISOString().replace(/\.(\d{3})Z$/, `.$10000${zone}`);
/** Resource ids as the managed identity service and ACR's identity block write them: `resourcegroups` in lower case. */
export const lowerGroupSegment = (id: string): string => id.replace(/\/resourceGroups\//i, '/resourcegroups/');
export const sameText = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

export const groupId = (sub: string, rg: string): string => `/subscriptions/${sub}/resourceGroups/${rg}`;
export const providerId = (sub: string, rg: string, type: string, name: string): string => `${groupId(sub, rg)}/providers/${type}/${name}`;

/** Parses `/subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{type}/{name}` (case-insensitive). */
export function parseResourceId(id: string): { subscriptionId: string; resourceGroup?: string; type?: string; name?: string } | undefined {
    const m = /^\/subscriptions\/([^/]+)(?:\/resourcegroups\/([^/]+))?(?:\/providers\/([^/]+\/[^/]+)\/([^/]+))?\/?$/i.exec(id);
    if (!m) return undefined;
    return { subscriptionId: m[1]!, resourceGroup: m[2], type: m[3], name: m[4] };
}

/** Whether `id` is `scope` or below it (segment boundary, case-insensitive). */
export const inScopeOf = (id: string, scope: string): boolean => {
    const r = id.toLowerCase().replace(/\/$/, '');
    const s = scope.toLowerCase().replace(/\/$/, '');
    return s === '' || r === s || r.startsWith(s + '/');
};
