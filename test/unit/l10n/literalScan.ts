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

export interface LiteralFinding { readonly line: number; readonly text: string }

export function findUnlocalizedLiterals(source: string): LiteralFinding[] {
    const findings: LiteralFinding[] = [];
    const lines = source.split('\n');
    lines.forEach((line, index) => {
        const code = line.replace(/\/\/.*$/, '');
        if (/^\s*(\*|\/\*)/.test(line)) {
            return; // doc comments
        }
        for (const pattern of patterns) {
            pattern.lastIndex = 0;
            if (pattern.test(code)) {
                findings.push({ line: index + 1, text: line.trim() });
            }
        }
    });
    return findings;
}
