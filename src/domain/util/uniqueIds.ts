/** The ids in their first order, each once, compared case-insensitively (Azure ids and GUIDs). */
export function uniqueIds(ids: readonly string[]): string[] {
    const seen = new Set<string>();
    return ids.filter((id) => {
        const key = id.toLowerCase();
        return seen.has(key) ? false : (seen.add(key), true);
    });
}
