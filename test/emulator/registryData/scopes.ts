import type { AccessEntry } from './acrTokens';
import type { RegistryRight } from './rights';

// Which right each requested action needs (ACR's actions: the distribution spec's pull/push plus its own).
const NEEDS: Record<string, RegistryRight> = {
    pull: 'pull',
    metadata_read: 'pull',
    push: 'push',
    metadata_write: 'push',
    delete: 'delete',
};

/** `repository:hello/world:pull,push registry:catalog:*` → entries (several `scope` values may also be joined by spaces). */
export function parseScopes(text: string | undefined): AccessEntry[] {
    const entries: AccessEntry[] = [];
    for (const scope of (text ?? '').split(/\s+/).filter(Boolean)) {
        const first = scope.indexOf(':');
        const last = scope.lastIndexOf(':');
        if (first < 0 || last === first) continue;
        entries.push({
            type: scope.slice(0, first),
            name: scope.slice(first + 1, last),
            actions: scope
                .slice(last + 1)
                .split(',')
                .filter(Boolean),
        });
    }
    return entries;
}

/**
 * What the token may do: each requested action the caller's rights allow (`*` on a repository: every action its
 * rights allow; the catalog `registry:catalog:*` with the pull right). Actions not allowed are left out, as a token
 * server does: the token is still issued, and the registry answers 401 when it is used for more.
 */
export function grantScopes(requested: AccessEntry[], rights: Set<RegistryRight>): AccessEntry[] {
    const granted: AccessEntry[] = [];
    for (const entry of requested) {
        let actions: string[] = [];
        if (entry.type === 'registry' && entry.name === 'catalog') actions = rights.has('pull') ? ['*'] : [];
        else if (entry.type === 'repository') {
            actions = entry.actions
                .flatMap((action) => (action === '*' ? ['pull', 'push', 'delete'] : [action]))
                .filter((action, i, all) => all.indexOf(action) === i && NEEDS[action] !== undefined && rights.has(NEEDS[action]!));
        }
        granted.push({ type: entry.type, name: entry.name, actions });
    }
    return granted;
}

/** Whether a token's `access` claim allows an action: exactly, or through `*`, `metadata_read` ⊂ pull, `metadata_write` ⊂ push. */
export function allows(access: AccessEntry[] | undefined, type: string, name: string, action: string): boolean {
    const implied: Record<string, string[]> = { metadata_read: ['pull'], metadata_write: ['push'] };
    return (access ?? []).some(
        (entry) =>
            entry.type === type &&
            entry.name === name &&
            entry.actions.some((granted) => granted === '*' || granted === action || (implied[action] ?? []).includes(granted)),
    );
}
