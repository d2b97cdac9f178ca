import * as vscode from 'vscode';
import type { RegistryDiagnosis } from '../../domain/diagnose/Finding';
import type { KeyAccessMark } from '../../tree/keyAccessMarks';
import type { CommandServices } from '../CommandServices';
import { revocationStore } from '../keyAccessServices';
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

/**
 * Updates the registry's mark. A clean diagnosis also ends a revocation whose access came back another way (Diagnose's
 * fix, a change outside the extension): its record goes, so "revoked" does not return after a reload.
 */
export async function mirrorInTree(services: CommandServices, diagnosis: RegistryDiagnosis): Promise<void> {
    const next = markFromDiagnosis(diagnosis);
    if (!next) {
        await revocationStore(services).delete(diagnosis.registryId);
    }
    services.tree.keyAccessMarks.set(diagnosis.registryId, next);
}
