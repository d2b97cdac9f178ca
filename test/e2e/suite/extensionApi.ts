// The extension under test, as the real extension host loads it, and the small test API `activate` returns.
import * as vscode from 'vscode';

export const extensionId = 'acr-cmk-team.acr-cmk';

export interface TreeRow {
  id?: string; label: string; description?: string; tooltip?: string; contextValue?: string;
  icon?: { id: string; color?: string }; children?: TreeRow[];
}
export interface AcrCmkTestApi { getTreeSnapshot(): Promise<TreeRow[]>; refresh(): Promise<void> }

export async function activateExtension(): Promise<AcrCmkTestApi> {
  const extension = vscode.extensions.getExtension<AcrCmkTestApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded in this extension host`);
  return extension.activate();
}
