import * as vscode from 'vscode';
import type { DataAccessProblem } from '../domain/registryData/DataAccess';

/** Why the registry's data cannot be read, in words: ACR's own code and message, or what kept the request from it. */
export function dataAccessProblemText(problem: DataAccessProblem): string {
    if (problem.kind === 'denied') {
        return vscode.l10n.t('Azure Container Registry refused the read ({0} {1}): {2}', String(problem.statusCode), problem.code, problem.message);
    }
    if (problem.noLoginServer) {
        return vscode.l10n.t('Azure reports no login server for registry "{0}".', problem.reason);
    }
    return vscode.l10n.t('The login server did not answer: {0}', problem.reason);
}

export function repositoryCountText(count: number): string {
    return count === 1 ? vscode.l10n.t('1 repository') : vscode.l10n.t('{0} repositories', String(count));
}

export function tagCountText(count: number): string {
    return count === 1 ? vscode.l10n.t('1 tag') : vscode.l10n.t('{0} tags', String(count));
}
