/** Pages a list like Azure: `{value, nextLink}` with a `$skiptoken` continuation pointing back at the emulator. */
export function pageOf<T>(items: T[], query: Record<string, string>, baseUrl: string, sizeParam: string, defaultSize = 100): { value: T[]; nextLink?: string } {
    const size = Math.max(1, Math.min(Number(query[sizeParam] ?? defaultSize) || defaultSize, 1000));
    const start = Math.max(0, Number(query['$skiptoken'] ?? 0) || 0);
    const value = items.slice(start, start + size);
    if (start + size >= items.length) return { value };
    const next = new URLSearchParams({ ...query, $skiptoken: String(start + size) });
    return { value, nextLink: `${baseUrl}?${next.toString()}` };
}
