import * as vscode from 'vscode';
import type { VaultAudit } from '../domain/audit/vaultAudit';
import { errorMessage } from '../l10n/errorMessage';

type AuditRowState =
    { readonly kind: 'reading' } | { readonly kind: 'read'; readonly audit: VaultAudit } | { readonly kind: 'failed'; readonly reason: string };

/**
 * Where a Keys view vault row's audit logs go: read when the row is first expanded (like its keys' state), read again
 * after Send Key Vault Audit Logs to Log Analytics; the row is redrawn when an answer arrives.
 */
export class VaultAuditRow {
    private state?: AuditRowState;

    constructor(
        private readonly read: () => Promise<VaultAudit>,
        private readonly redraw: () => void,
    ) {}

    /** The last answer (undefined until one arrived, or when it failed). */
    get audit(): VaultAudit | undefined {
        return this.state?.kind === 'read' ? this.state.audit : undefined;
    }

    /** Starts the first read (once). */
    load(): void {
        if (!this.state) {
            void this.refresh();
        }
    }

    async refresh(): Promise<VaultAudit | undefined> {
        this.state = { kind: 'reading' };
        try {
            const audit = await this.read();
            this.state = { kind: 'read', audit };
        } catch (error) {
            this.state = { kind: 'failed', reason: errorMessage(error) };
        }
        this.redraw();
        return this.audit;
    }

    /** The row's description part: nothing while reading. */
    description(): string | undefined {
        const state = this.state;
        if (!state || state.kind === 'reading') {
            return undefined;
        }
        if (state.kind === 'failed') {
            return vscode.l10n.t('audit logs: unknown');
        }
        return state.audit.state === 'on' ? vscode.l10n.t('audit logs → {0}', state.audit.workspace.name) : vscode.l10n.t('audit logs: off');
    }

    /** The row's tooltip line: the reason a read failed, or where the logs go. */
    tooltip(): string | undefined {
        const state = this.state;
        if (state?.kind === 'failed') {
            return vscode.l10n.t('Audit logs could not be read: {0}', state.reason);
        }
        if (state?.kind === 'read') {
            return state.audit.state === 'on'
                ? vscode.l10n.t(
                      'Audit logs (AuditEvent) go to Log Analytics workspace "{0}" (diagnostic setting "{1}").',
                      state.audit.workspace.name,
                      state.audit.settingName,
                  )
                : vscode.l10n.t('Audit logs (AuditEvent) are not sent to any Log Analytics workspace.');
        }
        return undefined;
    }
}
