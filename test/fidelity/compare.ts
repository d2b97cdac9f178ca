/**
 * Compares one recorded Azure response with the emulator's answer to the same request: status, the headers clients
 * depend on, and the JSON shape (property paths, value formats, enum and id casing). Values that cannot match between
 * two runs (GUIDs, key versions, times, key moduli) are compared by format only.
 */

export type DifferenceKind = 'status' | 'header-missing' | 'header-extra' | 'header-format' | 'missing' | 'extra' | 'type' | 'format' | 'value' | 'length';
export interface Difference {
    kind: DifferenceKind;
    path: string;
    recorded?: unknown;
    emulator?: unknown;
}
export interface Comparison {
    compared: number;
    differences: Difference[];
}

/** Headers clients read; compared for presence and format. */
export const COMPARED_HEADERS = ['location', 'azure-asyncoperation', 'retry-after', 'www-authenticate', 'x-ms-request-id', 'content-type'];

/** Numbers that are instants (Key Vault's Unix seconds): compared as "an integer", not by value. */
const INSTANT_NUMBERS = new Set(['created', 'updated', 'exp', 'nbf']);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX32 = /^[0-9a-f]{32}$/i;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/;
const BASE64URL = /^[A-Za-z0-9_-]{40,}$/;

/** The format class of a string that cannot be compared by value, or undefined for a value compared exactly. */
export function formatOf(value: string): string | undefined {
    if (GUID.test(value)) return 'guid';
    if (HEX32.test(value)) return 'hex32';
    const t = TIME.exec(value);
    if (t) {
        const digits = (t[1] ?? '').length;
        // Key Vault's management plane writes milliseconds with trailing zeros trimmed (0–3 digits); ACR and Authorization
        // write .NET ticks (7 digits) through JSON.NET's `FFFFFFF`, which trims trailing zeros too: a recorded 6-digit
        // `…21.923049+00:00` is a 7-digit time that ended in 0, so 4–7 digits are one format.
        return `time(${digits >= 4 ? '4-7' : '0-3'} fraction digits, ${t[2] === 'Z' ? 'Z' : t[2]})`;
    }
    if (BASE64URL.test(value)) return 'base64url';
    return undefined;
}

/** GUIDs and 32-hex key versions inside a string, in order (used to learn what a recorded id became). */
export const volatileTokens = (value: string): string[] =>
    value.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<![0-9a-z])[0-9a-f]{32}(?![0-9a-z])/gi) ?? [];

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export function compareJson(recorded: unknown, emulator: unknown, path = '$', out: Comparison = { compared: 0, differences: [] }): Comparison {
    out.compared++;
    const rk = kindOf(recorded);
    const ek = kindOf(emulator);
    if (rk !== ek) {
        out.differences.push({ kind: 'type', path, recorded, emulator });
        return out;
    }
    if (rk === 'object') {
        const r = recorded as Record<string, unknown>;
        const e = emulator as Record<string, unknown>;
        for (const key of Object.keys(r)) {
            if (!(key in e)) {
                out.compared++;
                out.differences.push({ kind: 'missing', path: `${path}.${key}`, recorded: r[key] });
                continue;
            }
            compareJson(r[key], e[key], `${path}.${key}`, out);
        }
        for (const key of Object.keys(e)) {
            if (!(key in r)) {
                out.compared++;
                out.differences.push({ kind: 'extra', path: `${path}.${key}`, emulator: e[key] });
            }
        }
        return out;
    }
    if (rk === 'array') {
        const r = recorded as unknown[];
        const e = emulator as unknown[];
        if (r.length !== e.length) out.differences.push({ kind: 'length', path, recorded: r.length, emulator: e.length });
        for (let i = 0; i < Math.min(r.length, e.length); i++) compareJson(r[i], e[i], `${path}[${i}]`, out);
        return out;
    }
    if (rk === 'number') {
        const last = path.split('.').pop() ?? '';
        if (INSTANT_NUMBERS.has(last)) {
            if (!Number.isInteger(emulator)) out.differences.push({ kind: 'format', path, recorded, emulator });
        } else if (recorded !== emulator) out.differences.push({ kind: 'value', path, recorded, emulator });
        return out;
    }
    if (rk === 'string') {
        const rf = formatOf(recorded as string);
        if (rf) {
            const ef = formatOf(emulator as string);
            if (rf !== ef) {
                out.differences.push({ kind: 'format', path, recorded: `${String(recorded)} [${rf}]`, emulator: `${String(emulator)} [${ef ?? 'text'}]` });
            }
            return out;
        }
    }
    if (recorded !== emulator) out.differences.push({ kind: 'value', path, recorded, emulator });
    return out;
}

/** Replaces GUIDs, key versions and numbers by placeholders, to compare a header's shape. */
export const headerShape = (value: string): string =>
    value
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '{guid}')
        .replace(/(?<![0-9a-z])[0-9a-f]{32}(?![0-9a-z])/gi, '{hex}')
        .replace(/\d+/g, '{n}');

export function compareHeaders(
    recorded: Record<string, string>,
    emulator: Record<string, string | string[] | undefined>,
    out: Comparison,
    notRecorded: string[] = [],
): void {
    for (const name of COMPARED_HEADERS) {
        if (notRecorded.includes(name)) continue; // the recorder dropped it: nothing to compare with
        const r = recorded[name];
        const raw = emulator[name];
        const e = Array.isArray(raw) ? raw.join(', ') : raw;
        if (r === undefined && e === undefined) continue;
        out.compared++;
        if (r !== undefined && e === undefined) out.differences.push({ kind: 'header-missing', path: `header ${name}`, recorded: r });
        else if (r === undefined) out.differences.push({ kind: 'header-extra', path: `header ${name}`, emulator: e });
        else if (headerShape(r) !== headerShape(e!)) out.differences.push({ kind: 'header-format', path: `header ${name}`, recorded: r, emulator: e });
    }
}
