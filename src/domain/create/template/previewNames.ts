/**
 * What a template expression reads as before deployment, for the summary a person confirms: string literals,
 * `parameters('x')`, `concat(…)` and `format('{0}…', …)` over them. Anything else (reference(), resourceGroup(), …)
 * is known only to Resource Manager: `undefined`, and the summary shows the expression as written.
 */
export function previewTemplateValue(value: unknown, parameters: Readonly<Record<string, { value: unknown }>>): string | undefined {
    if (typeof value !== 'string') {
        return value === undefined ? undefined : String(value);
    }
    if (!value.startsWith('[') || value.startsWith('[[')) {
        return value.replace(/^\[\[/, '[');
    }
    try {
        const parser = new Parser(value.slice(1, -1).trim(), parameters);
        const result = parser.expression();
        return parser.done() && result !== undefined ? result : undefined;
    } catch {
        return undefined;
    }
}

/** Internal: the expression is not one the preview reads (never shown; the caller falls back to the text). */
class UnreadableExpression extends Error {}

class Parser {
    private at = 0;

    constructor(
        private readonly text: string,
        private readonly parameters: Readonly<Record<string, { value: unknown }>>,
    ) {}

    done(): boolean {
        this.space();
        return this.at === this.text.length;
    }

    expression(): string | undefined {
        this.space();
        if (this.text[this.at] === "'") {
            return this.literal();
        }
        const name = /^[A-Za-z]+/.exec(this.text.slice(this.at))?.[0];
        if (!name) {
            throw new UnreadableExpression();
        }
        this.at += name.length;
        const args = this.arguments();
        switch (name.toLowerCase()) {
            case 'parameters': {
                const entry = args[0] === undefined ? undefined : this.parameters[args[0]];
                return entry === undefined || entry.value === undefined ? undefined : String(entry.value);
            }
            case 'concat':
                return args.every((arg) => arg !== undefined) ? args.join('') : undefined;
            case 'format':
                return args.every((arg) => arg !== undefined) ? args[0]!.replace(/\{(\d+)\}/g, (_, index: string) => args[Number(index) + 1] ?? '') : undefined;
            default:
                return undefined;
        }
    }

    private arguments(): (string | undefined)[] {
        this.space();
        if (this.text[this.at++] !== '(') {
            throw new UnreadableExpression();
        }
        const args: (string | undefined)[] = [];
        this.space();
        if (this.text[this.at] === ')') {
            this.at++;
            return args;
        }
        for (;;) {
            args.push(this.expression());
            this.space();
            const next = this.text[this.at++];
            if (next === ')') {
                return args;
            }
            if (next !== ',') {
                throw new UnreadableExpression();
            }
        }
    }

    private literal(): string {
        let result = '';
        this.at++;
        while (this.at < this.text.length) {
            const char = this.text[this.at++]!;
            if (char === "'") {
                if (this.text[this.at] !== "'") {
                    return result;
                }
                this.at++;
            }
            result += char;
        }
        throw new UnreadableExpression();
    }

    private space(): void {
        while (this.text[this.at] === ' ') {
            this.at++;
        }
    }
}
