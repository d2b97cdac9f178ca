import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';

/** Asks for each template parameter that has neither a value nor a default (strings as typed). */
export async function promptMissingParameters(context: IActionContext, template: Record<string, unknown>, given: Record<string, { value: unknown }>): Promise<Record<string, { value: unknown }>> {
    const declared = (template.parameters ?? {}) as Record<string, { defaultValue?: unknown; type?: string }>;
    const result = { ...given };
    for (const [name, definition] of Object.entries(declared)) {
        const hasDefault = definition.defaultValue !== undefined && definition.defaultValue !== '';
        if (name in result || hasDefault) {
            continue;
        }
        const value = await context.ui.showInputBox({
            prompt: vscode.l10n.t('Value of template parameter "{0}" ({1})', name, definition.type ?? 'string'),
            validateInput: (text) => (text.trim() ? undefined : vscode.l10n.t('Enter a value.')),
        });
        result[name] = { value };
    }
    return result;
}
