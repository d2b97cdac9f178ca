import * as vscode from 'vscode';

const scheme = 'acrcmk-report';
const reports = new Map<string, string>();
let registration: vscode.Disposable | undefined;

/**
 * Reports (Diagnose, the fleet key report) as read-only virtual documents: the Markdown preview renders them, the
 * source stays copyable (and Save As… keeps it), and closing them never asks to save an untitled file.
 */
export async function openReport(markdown: string, name: string, generatedAt: Date): Promise<vscode.Uri> {
    registration ??= vscode.workspace.registerTextDocumentContentProvider(scheme, { provideTextDocumentContent: (uri) => reports.get(uri.toString()) ?? '' });
    const uri = vscode.Uri.from({ scheme, path: `/${name}-${generatedAt.toISOString().replace(/[:.]/g, '-')}.md` });
    reports.set(uri.toString(), markdown);
    await vscode.workspace.openTextDocument(uri);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
}
