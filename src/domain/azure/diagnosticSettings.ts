import type { DiagnosticSettingsResource } from '@azure/arm-monitor';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { parseResourceId } from '../util/resourceId';

// Diagnostic settings (Microsoft.Insights/diagnosticSettings, api-version 2021-05-01-preview): an extension resource
// of the resource whose logs they send somewhere.

/** The SDK's path template is `/{+resourceUri}/providers/…`: it adds the leading slash itself. */
const resourceUri = (resourceId: string): string => resourceId.replace(/^\/+/, '');

/** Every diagnostic setting of a resource (a handful at most: Azure allows five per resource). */
export async function* diagnosticSettingsOf(factory: AzureClientFactory, resourceId: string): AsyncIterable<DiagnosticSettingsResource> {
    yield* (await factory.monitor(parseResourceId(resourceId).subscriptionId)).diagnosticSettings.list(resourceUri(resourceId));
}

/** Creates or replaces one setting (a PUT of the whole setting; Azure answers 200 either way). */
export async function putDiagnosticSetting(
    factory: AzureClientFactory,
    resourceId: string,
    name: string,
    setting: DiagnosticSettingsResource,
): Promise<DiagnosticSettingsResource> {
    return (await factory.monitor(parseResourceId(resourceId).subscriptionId)).diagnosticSettings.createOrUpdate(resourceUri(resourceId), name, setting);
}
