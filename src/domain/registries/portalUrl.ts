import type { CloudConfig } from '../cloud/CloudConfig';

/** The resource's page in the cloud's own portal (`portal.azure.cn` for Azure China …), in the right directory when known. */
export function portalResourceUrl(cloud: CloudConfig, resourceId: string, tenantId?: string): string {
    const directory = tenantId ? `@${tenantId}/` : '';
    return `${cloud.portalUrl.replace(/\/+$/, '')}/#${directory}resource${resourceId}`;
}
