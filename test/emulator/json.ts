// Reading free-form JSON (request bodies, templates, answers of other handlers) without `any`.

/** A JSON object: not null, not an array. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value?.[key]` for JSON: the member of an object (or array), undefined for anything else. */
export const member = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
