/** Every `type` → `apiVersion` a template declares, nested templates included (lower-cased types). */
export function apiVersionsOf(template: Record<string, unknown>, into = new Map<string, string>()): Map<string, string> {
    const walk = (resources: unknown, parentType?: string) => {
        for (const resource of Array.isArray(resources) ? (resources as Record<string, unknown>[]) : []) {
            const ownType = typeof resource.type === 'string' ? resource.type : '';
            const type = parentType && !ownType.includes('/') ? `${parentType}/${ownType}` : ownType;
            if (type && typeof resource.apiVersion === 'string' && !resource.apiVersion.startsWith('[')) {
                into.set(type.toLowerCase(), resource.apiVersion);
            }
            walk(resource.resources, type);
            const nested = (resource.properties as { template?: Record<string, unknown> } | undefined)?.template;
            if (nested && typeof nested === 'object') {
                apiVersionsOf(nested, into);
            }
        }
    };
    walk(template.resources);
    return into;
}

/** `Microsoft.KeyVault/vaults/keys` from `/subscriptions/…/providers/Microsoft.KeyVault/vaults/v/keys/k` (extension resources: the last provider). */
export function resourceTypeOf(id: string): string {
    const afterProviders = id.split(/\/providers\//i).pop() ?? '';
    const segments = afterProviders.split('/').filter(Boolean);
    const [namespace, ...rest] = segments;
    return [namespace, ...rest.filter((_, index) => index % 2 === 0)].join('/');
}
