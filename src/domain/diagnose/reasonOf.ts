/** The service's own message (ids and codes, never tokens), shown as the reason a link could not be read. */
export function reasonOf(error: unknown): string {
    const status = (error as { statusCode?: number }).statusCode;
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return status ? `${status}: ${message}` : message;
}
