import { invalidTemplate } from './deploymentError';

// The ARM template expression language: `[fn('literal', 1, other(...)).property[0]]`.
export type Expression =
    | { kind: 'string'; value: string }
    | { kind: 'number'; value: number }
    | { kind: 'call'; name: string; args: Expression[] }
    | { kind: 'property'; target: Expression; name: string }
    | { kind: 'index'; target: Expression; index: Expression };

/** A JSON string from a template: a plain literal, or an expression when wrapped in `[...]` (`[[` escapes). */
export type TemplateString = { kind: 'literal'; value: string } | { kind: 'expression'; expression: Expression; source: string };

export function parseTemplateString(text: string): TemplateString {
    if (text.startsWith('[[')) return { kind: 'literal', value: text.slice(1) };
    if (!(text.startsWith('[') && text.endsWith(']'))) return { kind: 'literal', value: text };
    const parser = new ExpressionParser(text.slice(1, -1), text);
    const expression = parser.parseExpression();
    parser.expectEnd();
    return { kind: 'expression', expression, source: text };
}

class ExpressionParser {
    private position = 0;

    constructor(
        private readonly text: string,
        private readonly source: string,
    ) {}

    parseExpression(): Expression {
        this.skipWhitespace();
        const char = this.text[this.position];
        let expression: Expression;
        if (char === "'") expression = { kind: 'string', value: this.readString() };
        else if (char !== undefined && /[-0-9]/.test(char)) expression = { kind: 'number', value: this.readNumber() };
        else if (char !== undefined && /[A-Za-z_]/.test(char)) expression = this.readCall();
        else throw this.error(`unexpected ${char === undefined ? 'end of expression' : `character '${char}'`}`);
        return this.readAccessors(expression);
    }

    expectEnd(): void {
        this.skipWhitespace();
        if (this.position < this.text.length) throw this.error(`unexpected character '${this.text[this.position]}'`);
    }

    private readCall(): Expression {
        const name = this.readIdentifier();
        this.skipWhitespace();
        if (this.text[this.position] !== '(') throw this.error(`expected '(' after '${name}'`);
        this.position++;
        const args: Expression[] = [];
        this.skipWhitespace();
        if (this.text[this.position] === ')') {
            this.position++;
            return { kind: 'call', name, args };
        }
        for (;;) {
            args.push(this.parseExpression());
            this.skipWhitespace();
            const separator = this.text[this.position++];
            if (separator === ')') return { kind: 'call', name, args };
            if (separator !== ',') throw this.error(`expected ',' or ')' in the arguments of '${name}'`);
        }
    }

    private readAccessors(target: Expression): Expression {
        for (;;) {
            this.skipWhitespace();
            const char = this.text[this.position];
            if (char === '.') {
                this.position++;
                this.skipWhitespace();
                target = { kind: 'property', target, name: this.readIdentifier() };
            } else if (char === '[') {
                this.position++;
                const index = this.parseExpression();
                this.skipWhitespace();
                if (this.text[this.position++] !== ']') throw this.error("expected ']'");
                target = { kind: 'index', target, index };
            } else {
                return target;
            }
        }
    }

    private readIdentifier(): string {
        const match = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(this.text.slice(this.position));
        if (!match) throw this.error('expected a name');
        this.position += match[0].length;
        return match[0];
    }

    private readString(): string {
        let value = '';
        this.position++; // opening quote
        for (;;) {
            const char = this.text[this.position++];
            if (char === undefined) throw this.error('unterminated string literal');
            if (char !== "'") {
                value += char;
                continue;
            }
            if (this.text[this.position] !== "'") return value;
            value += "'"; // '' is an escaped quote
            this.position++;
        }
    }

    private readNumber(): number {
        const match = /^-?[0-9]+/.exec(this.text.slice(this.position));
        if (!match) throw this.error('malformed number');
        this.position += match[0].length;
        return Number(match[0]);
    }

    private skipWhitespace(): void {
        while (this.position < this.text.length && /\s/.test(this.text[this.position]!)) this.position++;
    }

    private error(reason: string) {
        return invalidTemplate(`The language expression '${this.source}' is not valid: ${reason} at position ${this.position}.`);
    }
}
