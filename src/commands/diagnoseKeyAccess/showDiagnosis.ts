import * as vscode from 'vscode';
import type { RegistryDiagnosis } from '../../domain/diagnose/Finding';
import type { KeyAccessMark } from '../../tree/keyAccessMarks';
import type { CommandServices } from '../CommandServices';
import { checkTitle } from './findingText';

/** The tree mark a diagnosis leaves: errors and warnings show on the registry; a clean result clears Diagnose's mark. */
export function markFromDiagnosis(diagnosis: RegistryDiagnosis): KeyAccessMark | undefined {
    const severity = diagnosis.status === 'error' ? 'error' : diagnosis.status === 'warning' || diagnosis.status === 'unknown' ? 'warning' : undefined;
    if (!severity) {
        return undefined;
    }
    const causes = diagnosis.findings.filter((f) => f.status === diagnosis.status).map((f) => checkTitle(f.check));
    return { kind: 'problem', severity, summary: vscode.l10n.t('Key access: {0}', causes.join(', ')) };
}

/** Updates the registry's mark, keeping a "revoked" mark when Diagnose confirms the registry has no access. */
export function mirrorInTree(services: CommandServices, diagnosis: RegistryDiagnosis): void {
    const current = services.tree.keyAccessMarks.get(diagnosis.registryId);
    const next = markFromDiagnosis(diagnosis);
    if (current?.kind === 'revoked' && next?.kind === 'problem' && next.severity === 'error') {
        return;
    }
    services.tree.keyAccessMarks.set(diagnosis.registryId, next);
}
