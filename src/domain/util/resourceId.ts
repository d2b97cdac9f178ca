import { DomainError } from '../errors';

export interface ParsedResourceId {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly provider: string;
    readonly type: string;
    readonly name: string;
}

/** What a Resource Manager call names a resource by: subscription, resource group, name. */
export type ResourceRef = Pick<ParsedResourceId, 'subscriptionId' | 'resourceGroup' | 'name'>;

/** A resource Azure returned, named by its id and that id's parts. */
export interface AzureResource extends ResourceRef {
    readonly id: string;
}

/** The id and parts of a resource as Azure returned it (the name Azure reports, else the id's last segment). */
export function azureResourceOf(resource: { readonly id?: string; readonly name?: string }): AzureResource {
    const id = resource.id ?? '';
    const { subscriptionId, resourceGroup, name } = parseResourceId(id);
    return { id, name: resource.name ?? name, subscriptionId, resourceGroup };
}

/** Parses `/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}` (segment names compared case-insensitively, as ARM does). */
export function parseResourceId(id: string): ParsedResourceId {
    const parts = id.split('/').filter((part) => part.length > 0);
    const [subscriptions, subscriptionId, resourceGroups, resourceGroup, providers, provider, type, name] = parts;
    if (
        parts.length !== 8 ||
        subscriptions?.toLowerCase() !== 'subscriptions' ||
        resourceGroups?.toLowerCase() !== 'resourcegroups' ||
        providers?.toLowerCase() !== 'providers' ||
        !subscriptionId ||
        !resourceGroup ||
        !provider ||
        !type ||
        !name
    ) {
        throw new DomainError('ResourceIdInvalid', { id });
    }
    return { subscriptionId, resourceGroup, provider, type, name };
}

export function resourceNameFromId(id: string): string {
    return (
        id
            .split('/')
            .filter((part) => part.length > 0)
            .pop() ?? id
    );
}
