import { appendFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

/** Where tests keep the messages the extension showed, so the security scan checks them too (test-results is per run). */
export const shownMessagesDir = path.resolve(__dirname, '..', '..', 'test-results', 'security-captures');

/** Appends messages a test obtained from the product (error texts, validation messages) to `<dir>/<source>.txt`. */
export function recordShownMessages(source: string, messages: readonly (string | undefined)[]): void {
    mkdirSync(shownMessagesDir, { recursive: true });
    const text = messages
        .filter((message): message is string => !!message)
        .map((message) => `${message.replace(/\n/g, '\\n')}\n`)
        .join('');
    appendFileSync(path.join(shownMessagesDir, `${source}.txt`), text);
}
