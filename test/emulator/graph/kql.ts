// The small part of KQL (Kusto Query Language) that Azure Resource Graph queries of tools like ours use, evaluated over
// plain rows: `Resources | where … | project … | extend … | order by … | limit n | summarize count() by …`.
// Anything outside it is refused with Resource Graph's own "InvalidQuery" answer, so a query the extension sends here
// is one real Resource Graph parses too (the forms follow the Resource Graph query language documentation).

export type Row = Record<string, unknown>;

export class KqlError extends Error {
    constructor(
        message: string,
        readonly token: string,
    ) {
        super(message);
    }
}

type Token = { kind: 'word' | 'string' | 'number' | 'op' | 'punct'; text: string };

const OPERATORS = ['!in~', 'in~', '!~', '=~', '==', '!=', '<=', '>=', '<', '>', '='];

function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i]!;
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === '"' || c === "'") {
            let j = i + 1;
            let value = '';
            while (j < text.length && text[j] !== c) {
                if (text[j] === '\\' && j + 1 < text.length) j++;
                value += text[j];
                j++;
            }
            if (j >= text.length) throw new KqlError('unterminated string literal', text.slice(i));
            tokens.push({ kind: 'string', text: value });
            i = j + 1;
            continue;
        }
        if (/[0-9]/.test(c)) {
            const m = /^\d+(\.\d+)?/.exec(text.slice(i))!;
            tokens.push({ kind: 'number', text: m[0] });
            i += m[0].length;
            continue;
        }
        const op = OPERATORS.find((o) => text.startsWith(o, i) && !(/^[a-z]/i.test(o) && /[a-z0-9_]/i.test(text[i + o.length] ?? '')));
        if (op && !(op.startsWith('in') && /[a-z0-9_]/i.test(text[i - 1] ?? ''))) {
            tokens.push({ kind: 'op', text: op });
            i += op.length;
            continue;
        }
        if (/[a-z_$]/i.test(c)) {
            const m = /^[a-z_$][a-z0-9_$]*/i.exec(text.slice(i))!;
            tokens.push({ kind: 'word', text: m[0] });
            i += m[0].length;
            continue;
        }
        if ('|(),.[]'.includes(c)) {
            tokens.push({ kind: 'punct', text: c });
            i++;
            continue;
        }
        throw new KqlError(`unexpected character '${c}'`, c);
    }
    return tokens;
}

type Expr =
    | { kind: 'literal'; value: unknown }
    | { kind: 'path'; parts: string[] }
    | { kind: 'call'; name: string; args: Expr[] }
    | { kind: 'binary'; op: string; left: Expr; right: Expr | Expr[] }
    | { kind: 'not'; operand: Expr };

class Parser {
    private i = 0;
    constructor(private readonly tokens: Token[]) {}
    get done(): boolean {
        return this.i >= this.tokens.length;
    }
    peek(): Token | undefined {
        return this.tokens[this.i];
    }
    next(): Token {
        const t = this.tokens[this.i++];
        if (!t) throw new KqlError('unexpected end of query', '');
        return t;
    }
    isWord(text: string): boolean {
        const t = this.peek();
        return t?.kind === 'word' && t.text.toLowerCase() === text;
    }
    isPunct(text: string): boolean {
        const t = this.peek();
        return t?.kind === 'punct' && t.text === text;
    }
    expectPunct(text: string): void {
        const t = this.next();
        if (t.kind !== 'punct' || t.text !== text) throw new KqlError(`expected '${text}'`, t.text);
    }
    word(): string {
        const t = this.next();
        if (t.kind !== 'word') throw new KqlError('expected a name', t.text);
        return t.text;
    }

    expression(): Expr {
        let left = this.conjunction();
        while (this.isWord('or')) {
            this.next();
            left = { kind: 'binary', op: 'or', left, right: this.conjunction() };
        }
        return left;
    }
    conjunction(): Expr {
        let left = this.comparison();
        while (this.isWord('and')) {
            this.next();
            left = { kind: 'binary', op: 'and', left, right: this.comparison() };
        }
        return left;
    }
    comparison(): Expr {
        if (this.isWord('not')) {
            this.next();
            this.expectPunct('(');
            const operand = this.expression();
            this.expectPunct(')');
            return { kind: 'not', operand };
        }
        const left = this.operand();
        const t = this.peek();
        const wordOps = ['contains', '!contains', 'startswith', 'endswith', 'has', 'in'];
        if (t?.kind === 'op' || (t?.kind === 'word' && wordOps.includes(t.text.toLowerCase()))) {
            const op = this.next().text.toLowerCase();
            if (op === 'in~' || op === '!in~' || op === 'in') {
                this.expectPunct('(');
                const list: Expr[] = [this.operand()];
                while (this.isPunct(',')) {
                    this.next();
                    list.push(this.operand());
                }
                this.expectPunct(')');
                return { kind: 'binary', op, left, right: list };
            }
            return { kind: 'binary', op: op === '=' ? '==' : op, left, right: this.operand() };
        }
        return left;
    }
    operand(): Expr {
        const t = this.next();
        if (t.kind === 'string') return { kind: 'literal', value: t.text };
        if (t.kind === 'number') return { kind: 'literal', value: Number(t.text) };
        if (t.kind === 'punct' && t.text === '(') {
            const inner = this.expression();
            this.expectPunct(')');
            return inner;
        }
        if (t.kind !== 'word') throw new KqlError('expected a column, a literal or a function', t.text);
        const lower = t.text.toLowerCase();
        if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
        if (this.isPunct('(')) {
            this.next();
            const args: Expr[] = [];
            if (!this.isPunct(')')) {
                args.push(this.expression());
                while (this.isPunct(',')) {
                    this.next();
                    args.push(this.expression());
                }
            }
            this.expectPunct(')');
            if (!FUNCTIONS[lower]) throw new KqlError(`unknown function '${t.text}'`, t.text);
            return { kind: 'call', name: lower, args };
        }
        const parts = [t.text];
        for (;;) {
            if (this.isPunct('.')) {
                this.next();
                parts.push(this.word());
                continue;
            }
            if (this.isPunct('[')) {
                this.next();
                const key = this.next();
                if (key.kind !== 'string') throw new KqlError('expected a quoted property name', key.text);
                parts.push(key.text);
                this.expectPunct(']');
                continue;
            }
            return { kind: 'path', parts };
        }
    }
}

const str = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
const FUNCTIONS: Record<string, (args: unknown[]) => unknown> = {
    tolower: ([v]) => str(v).toLowerCase(),
    toupper: ([v]) => str(v).toUpperCase(),
    tostring: ([v]) => str(v),
    isnotempty: ([v]) => str(v) !== '',
    isempty: ([v]) => str(v) === '',
    isnull: ([v]) => v === undefined || v === null,
    isnotnull: ([v]) => v !== undefined && v !== null,
    tobool: ([v]) => v === true || str(v).toLowerCase() === 'true',
};

/** Property access as KQL's dynamic values do it: column names case-insensitively at the top, object keys exactly below. */
function lookUp(row: Row, parts: string[]): unknown {
    const first = parts[0]!;
    // The column as written first (no key list built per row: a query runs this for every row and column).
    const column = Object.prototype.hasOwnProperty.call(row, first) ? first : Object.keys(row).find((key) => key.toLowerCase() === first.toLowerCase());
    if (column === undefined) throw new KqlError(`'${first}' is not a column of this table`, first);
    let value: unknown = row[column];
    for (let i = 1; i < parts.length; i++) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[parts[i]!] : undefined;
    return value;
}

type Evaluator = (row: Row) => unknown;

const COMPARISONS: Record<string, (left: unknown, right: unknown, l: string, r: string) => unknown> = {
    '==': (left, right, l, r) => (typeof left === 'number' || typeof right === 'number' || typeof left === 'boolean' ? left === right : l === r),
    '!=': (_left, _right, l, r) => l !== r,
    '=~': (_left, _right, l, r) => l.toLowerCase() === r.toLowerCase(),
    '!~': (_left, _right, l, r) => l.toLowerCase() !== r.toLowerCase(),
    contains: (_left, _right, l, r) => l.toLowerCase().includes(r.toLowerCase()),
    has: (_left, _right, l, r) => l.toLowerCase().includes(r.toLowerCase()),
    '!contains': (_left, _right, l, r) => !l.toLowerCase().includes(r.toLowerCase()),
    startswith: (_left, _right, l, r) => l.toLowerCase().startsWith(r.toLowerCase()),
    endswith: (_left, _right, l, r) => l.toLowerCase().endsWith(r.toLowerCase()),
    '<': (left, right) => Number(left) < Number(right),
    '<=': (left, right) => Number(left) <= Number(right),
    '>': (left, right) => Number(left) > Number(right),
    '>=': (left, right) => Number(left) >= Number(right),
};

/**
 * The expression as a function of the row, built once per query (not walked again for every row). Errors a row can
 * cause (a column it lacks, an operator not supported) are thrown when a row is evaluated, as the query runs.
 */
function compile(expr: Expr): Evaluator {
    switch (expr.kind) {
        case 'literal': {
            const value = expr.value;
            return () => value;
        }
        case 'path': {
            const parts = expr.parts;
            return (row) => lookUp(row, parts);
        }
        case 'call': {
            const fn = FUNCTIONS[expr.name]!;
            const args = expr.args.map(compile);
            return (row) => fn(args.map((arg) => arg(row)));
        }
        case 'not': {
            const operand = compile(expr.operand);
            return (row) => !operand(row);
        }
        case 'binary': {
            const left = compile(expr.left);
            if (expr.op === 'and') {
                const right = compile(expr.right as Expr);
                return (row) => !!left(row) && !!right(row);
            }
            if (expr.op === 'or') {
                const right = compile(expr.right as Expr);
                return (row) => !!left(row) || !!right(row);
            }
            const op = expr.op;
            if (Array.isArray(expr.right)) {
                const items = expr.right.map(compile);
                return (row) => {
                    const value = left(row);
                    const values = items.map((item) => item(row));
                    const found =
                        op === 'in' ? values.some((v) => str(v) === str(value)) : values.some((v) => str(v).toLowerCase() === str(value).toLowerCase());
                    return op === '!in~' ? !found : found;
                };
            }
            const right = compile(expr.right);
            const compare = Object.prototype.hasOwnProperty.call(COMPARISONS, op) ? COMPARISONS[op]! : undefined;
            return (row) => {
                const l = left(row);
                const r = right(row);
                if (!compare) throw new KqlError(`unsupported operator '${op}'`, op);
                return compare(l, r, str(l), str(r));
            };
        }
    }
}

/** `a, b = x.y, c = tolower(z)`: column names and the expressions they take. */
function columnList(parser: Parser): { name: string; expr: Expr }[] {
    const columns: { name: string; expr: Expr }[] = [];
    do {
        if (columns.length > 0) parser.next();
        const first = parser.operand();
        if (parser.peek()?.kind === 'op' && parser.peek()!.text === '=') {
            if (first.kind !== 'path' || first.parts.length !== 1) throw new KqlError('a column name must be a plain name', '=');
            parser.next();
            columns.push({ name: first.parts[0]!, expr: parser.expression() });
        } else {
            if (first.kind !== 'path') throw new KqlError('an unnamed column must be a column or property', '');
            columns.push({ name: first.parts[first.parts.length - 1]!, expr: first });
        }
    } while (parser.isPunct(','));
    return columns;
}

/** Splits the pipeline at `|` outside strings and parentheses. */
function stages(query: string): string[] {
    const parts: string[] = [];
    let depth = 0;
    let quote = '';
    let current = '';
    for (const c of query) {
        if (quote) {
            if (c === quote) quote = '';
            current += c;
            continue;
        }
        if (c === '"' || c === "'") quote = c;
        if (c === '(') depth++;
        if (c === ')') depth--;
        if (c === '|' && depth === 0) {
            parts.push(current.trim());
            current = '';
            continue;
        }
        current += c;
    }
    parts.push(current.trim());
    return parts;
}

/** Runs `query` over the tables; the first stage names the table (`Resources`). */
export function runKql(query: string, tables: Record<string, Row[]>): Row[] {
    const [tableName, ...operators] = stages(query);
    const table = Object.entries(tables).find(([name]) => name.toLowerCase() === (tableName ?? '').toLowerCase())?.[1];
    if (!table) throw new KqlError(`unknown table '${tableName}'`, tableName ?? '');
    // The table's own rows until an operator makes new ones (project, extend, summarize); copied at the end if still
    // shared, so callers never hold the table's objects. `where`, `order`, `limit` only choose and reorder.
    let rows: Row[] = table;
    let shared = true;
    for (const stage of operators) {
        const parser = new Parser(tokenize(stage));
        const verb = parser.word().toLowerCase();
        if (verb === 'where') {
            const condition = compile(parser.expression());
            rows = rows.filter((row) => !!condition(row));
        } else if (verb === 'project' || verb === 'extend') {
            const columns = columnList(parser).map(({ name, expr }) => ({ name, value: compile(expr) }));
            rows = rows.map((row) => {
                const out: Row = verb === 'extend' ? { ...row } : {};
                for (const column of columns) out[column.name] = column.value(row) ?? null;
                return out;
            });
            shared = false;
        } else if (verb === 'order' || verb === 'sort') {
            if (parser.word().toLowerCase() !== 'by') throw new KqlError("expected 'by'", verb);
            const key = compile(parser.operand());
            const descending = parser.isWord('desc') || !parser.isWord('asc');
            if (!parser.done) parser.next();
            rows = [...rows].sort((a, b) => str(key(a)).localeCompare(str(key(b))) * (descending ? -1 : 1));
        } else if (verb === 'limit' || verb === 'take') {
            const count = parser.next();
            if (count.kind !== 'number') throw new KqlError('expected a number', count.text);
            rows = rows.slice(0, Number(count.text));
        } else if (verb === 'summarize') {
            const aggregate = parser.word().toLowerCase();
            parser.expectPunct('(');
            parser.expectPunct(')');
            if (aggregate !== 'count' || parser.word().toLowerCase() !== 'by') throw new KqlError('only summarize count() by <column> is supported', aggregate);
            const key = parser.operand();
            const name = key.kind === 'path' ? key.parts[key.parts.length - 1]! : 'key';
            const keyOf = compile(key);
            const counts = new Map<string, { value: unknown; count: number }>();
            for (const row of rows) {
                const value = keyOf(row);
                const k = str(value);
                counts.set(k, { value, count: (counts.get(k)?.count ?? 0) + 1 });
            }
            rows = [...counts.values()].map(({ value, count }) => ({ [name]: value, count_: count }));
            shared = false;
        } else {
            throw new KqlError(`the operator '${verb}' is not supported here`, verb);
        }
        if (verb !== 'where' && verb !== 'order' && verb !== 'sort' && verb !== 'limit' && verb !== 'take' && verb !== 'summarize' && !parser.done) {
            throw new KqlError('unexpected text after the column list', parser.peek()!.text);
        }
        if ((verb === 'where' || verb === 'limit' || verb === 'take') && !parser.done) throw new KqlError('unexpected text', parser.peek()!.text);
    }
    return shared ? rows.map((row) => ({ ...row })) : rows;
}
