import type { KeyUser } from '../fleet/keysInUse';

/** The key as Key Vault's audit records name it: `id_s` is `<vault URL>/keys/<name>/<version>`. */
export interface AuditedKey {
    readonly vaultUrl: string;
    readonly keyName: string;
}

/** An identity that reaches the key, and the registries that use it (one identity may serve several). */
export interface UsagePrincipal {
    readonly principalId: string;
    readonly registries: readonly string[];
}

/** The registries' encryption identities by principal id; registries whose identity has no known principal id are listed apart. */
export function usagePrincipals(users: readonly KeyUser[]): { principals: UsagePrincipal[]; unresolved: string[] } {
    const byPrincipal = new Map<string, { principalId: string; registries: string[] }>();
    const unresolved: string[] = [];
    for (const { registry, encryption } of users) {
        const identity = encryption.identity;
        const principalId = identity && 'principalId' in identity ? identity.principalId : undefined;
        if (!principalId) {
            unresolved.push(registry.name);
            continue;
        }
        const entry = byPrincipal.get(principalId.toLowerCase()) ?? { principalId: principalId.toLowerCase(), registries: [] };
        entry.registries.push(registry.name);
        byPrincipal.set(principalId.toLowerCase(), entry);
    }
    return { principals: [...byPrincipal.values()], unresolved };
}

const kqlString = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Log Analytics (KQL) over the `AzureDiagnostics` table, where a diagnostic setting without a destination type sends
 * Key Vault's `AuditEvent` records: the key's wraps and unwraps (operation names `KeyWrap` / `KeyUnwrap` in Key Vault's
 * logging reference), by the given identities (`identity_claim_oid_g`, the caller's object id), newest first, each row
 * naming the registries behind the identity. Without principals it lists every caller's.
 */
export function keyUsageQuery(key: AuditedKey, principals: readonly UsagePrincipal[]): string {
    const keyPrefix = `${key.vaultUrl.replace(/\/+$/, '')}/keys/${key.keyName}/`;
    const lines = [
        'AzureDiagnostics',
        '| where ResourceProvider == "MICROSOFT.KEYVAULT" and Category == "AuditEvent"',
        '| where OperationName in ("KeyWrap", "KeyUnwrap")',
        `| where id_s startswith ${kqlString(keyPrefix)}`,
        '| extend CallerObjectId = tostring(identity_claim_oid_g), KeyVersion = tostring(split(id_s, "/")[5])',
    ];
    if (principals.length > 0) {
        lines.push(`| where CallerObjectId in~ (${principals.map((p) => kqlString(p.principalId)).join(', ')})`);
        const cases = principals.map((p) => `CallerObjectId =~ ${kqlString(p.principalId)}, ${kqlString(p.registries.join(', '))}`);
        lines.push(`| extend Registries = case(${cases.join(', ')}, "")`);
    }
    lines.push(
        `| project TimeGenerated, ${principals.length > 0 ? 'Registries, ' : ''}OperationName, ResultSignature, KeyVersion, CallerObjectId, CallerIPAddress`,
        '| order by TimeGenerated desc',
    );
    return lines.join('\n');
}
