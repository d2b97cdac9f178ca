/**
 * Finds user-facing string literals that bypass `vscode.l10n.t`: message boxes, thrown errors, and the
 * label-like properties of tree items and quick picks assigned a literal. Simple on purpose: a literal
 * that needs no translation (an id, a codicon) never sits in these positions in our code.
 */
const patterns: RegExp[] = [
    /\bshow(?:Information|Warning|Error)Message\(\s*['"`]/g,
    /\bnew\s+(?:vscode\.)?TreeItem\(\s*['"`]/g,
    /\bthrow\s+new\s+Error\(\s*['"`]/g,
    // (the message of `l10n.t({ message: '…', args, comment })` is localized)
    /(?<!\bl10n\.t\(\{\s*)\b(?:label|title|placeHolder|placeholder|prompt|tooltip|message|detail|description)\s*[:=]\s*['"`][^'"`]*[A-Za-z]{2}/g,
    /\bappendLog\(\s*['"`]/g,
];

export interface LiteralFinding {
    readonly line: number;
    readonly text: string;
}

export function findUnlocalizedLiterals(source: string): LiteralFinding[] {
    const lines = source.split('\n');
    // Comments blanked (doc comment lines whole), lines kept: a call and its literal may sit on different lines.
    const code = lines.map((line) => (/^\s*(\*|\/\*)/.test(line) ? '' : line.replace(/\/\/.*$/, ''))).join('\n');
    const lineOf = (at: number): number => code.slice(0, at).split('\n').length;
    const findings = patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => lineOf(match.index + match[0].search(/\S/))));
    return [...new Set(findings)].sort((a, b) => a - b).map((line) => ({ line, text: lines[line - 1]!.trim() }));
}
