// The Azure CLI (2.4x, JsonCTemplatePolicy) sends `az deployment ... --template-file` bodies that are not
// plain JSON: `{"properties": {"parameters": {...}, "mode": "Incremental", template:<the file as written>}}`
// — an unquoted `template` key followed by the raw template, comments included. ARM's lenient reader
// accepts that; so must the emulator. Same contract as http.ts's jsonBody(): `undefined` for an empty body,
// `Symbol.for('invalid-json')` when it cannot be read.
const INVALID = Symbol.for('invalid-json');
const SPLICE = ', template:';

export function parseArmRequestBody(raw: Buffer): unknown {
    if (raw.length === 0) return undefined;
    const text = raw.toString('utf8');
    try {
        return JSON.parse(text);
    } catch {
        return parseCliTemplateSplice(text) ?? INVALID;
    }
}

function parseCliTemplateSplice(text: string): unknown {
    const trimmed = text.trimEnd();
    if (!trimmed.endsWith('}}')) return undefined;
    // The envelope is json.dumps output, so the splice point is the first `, template:` after which the
    // envelope closes as valid JSON.
    for (let at = trimmed.indexOf(SPLICE); at >= 0; at = trimmed.indexOf(SPLICE, at + 1)) {
        const envelope = tryJson(`${trimmed.slice(0, at)}}}`) as { properties?: Record<string, unknown> } | undefined;
        if (!envelope?.properties) continue;
        const template = tryJson(stripJsonComments(trimmed.slice(at + SPLICE.length, -2)));
        if (template === undefined) return undefined;
        envelope.properties.template = template;
        return envelope;
    }
    return undefined;
}

/** Removes `//` and `/* *\/` comments outside string literals (templates are JSON with comments). */
export function stripJsonComments(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const char = text[i]!;
        if (char === '"') {
            const end = endOfString(text, i);
            out += text.slice(i, end);
            i = end - 1;
        } else if (char === '/' && text[i + 1] === '/') {
            while (i < text.length && text[i] !== '\n') i++;
            out += '\n';
        } else if (char === '/' && text[i + 1] === '*') {
            const close = text.indexOf('*/', i + 2);
            i = close < 0 ? text.length : close + 1;
            out += ' ';
        } else {
            out += char;
        }
    }
    return out;
}

function endOfString(text: string, start: number): number {
    for (let i = start + 1; i < text.length; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '"') return i + 1;
    }
    return text.length;
}

function tryJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}
