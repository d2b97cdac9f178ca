/**
 * The bad-input catalogue, part 1: everything refused locally — every prompt's `validateInput`, the cloud
 * settings (read through the real settings reader) and template files — with the exact English message the user
 * sees. `message: undefined` marks an input AT a rule's edge that must be accepted (the boundary's other side).
 * Part 2 (inputs only Azure's answers can refuse: EC/disabled/deleted keys, non-CMK registries, …) is
 * test/integration/badInput/emulatorCases.ts.
 */
import type { PromptSurface } from './promptValidators';

export type Surface = PromptSurface | 'setting' | 'templateFile';

export interface BadInputCase {
    readonly surface: Surface;
    /** What is typed (prompts), the file's text (templateFile), or a label (setting: the values are in `settings`). */
    readonly input: string;
    /** acrCmk.* settings for `setting` cases; `{notPem}`, `{missing}`, `{directory}`, `{keyPem}` are temp paths. */
    readonly settings?: Readonly<Record<string, string>>;
    readonly message: string | undefined;
}

const a = (n: number, c = 'a') => c.repeat(n);
const regLength = (name: string, n: number) => `Registry name "${name}" has ${n} characters; it must have 5 to 50.`;
const regChars = (name: string) => `Registry name "${name}" may contain only letters a-z, A-Z and digits 0-9.`;
const vaultLength = (name: string) => `Key vault name "${name}" must have 3 to 24 characters.`;
const vaultChars = (name: string) => `Key vault name "${name}" may contain only letters a-z, A-Z, digits 0-9 and hyphens.`;
const vaultStart = (name: string) => `Key vault name "${name}" must start with a letter.`;
const vaultHyphens = (name: string) => `Key vault name "${name}" must not end with a hyphen or contain two hyphens in a row.`;
const idLength = (name: string) => `Identity name "${name}" must have 3 to 128 characters.`;
const idChars = (name: string) => `Identity name "${name}" must start with a letter or digit and contain only letters, digits, hyphens and underscores.`;
const rgLength = (name: string) => `Resource group name "${name}" must have 1 to 90 characters.`;
const rgChars = (name: string) => `Resource group name "${name}" may contain only letters, digits, underscores, hyphens, periods and parentheses.`;
const keyName = (name: string) => `Key name "${name}" must have 1 to 127 letters, digits and hyphens.`;
const retention = (value: string) => `Soft-delete retention "${value}" must be a whole number of days from 7 to 90.`;
const interval = (value: string) => `"${value}" is not a valid rotation interval: enter a whole number of days from 7 to 3650.`;
const notify = (value: string) => `"${value}" is not a valid notice period: enter a whole number of days from 7 to 90.`;
const https = (id: string) => `Key identifier "${id}" must use https.`;
const notKeyPath = (id: string) => `"${id}" is not a key identifier: the path must be /keys/<key> or /keys/<key>/<version>.`;
const otherCloud = (host: string, cloud: string) =>
    `The key vault host "${host}" belongs to ${cloud}, not to the configured cloud (vault suffix vault.azure.net). Check the "acrCmk.cloud" setting.`;
const notVaultHost = (host: string) => `"${host}" is not a key vault host of the configured cloud (expected a name ending in .vault.azure.net).`;
const badVaultName = (name: string) => `"${name}" is not a valid key vault name (3-24 letters, digits and hyphens, starting with a letter).`;
const kv = 'https://kv1.vault.azure.net';
const version = '0123456789abcdef0123456789abcdef';

/** A complete, valid custom cloud; each setting case overrides one part of it. */
export const validCustomCloud: Readonly<Record<string, string>> = {
    'acrCmk.cloud': 'custom',
    'acrCmk.customCloud.resourceManagerEndpoint': 'https://management.contoso.example/',
    'acrCmk.customCloud.authorityHost': 'https://login.contoso.example',
    'acrCmk.customCloud.keyVaultDnsSuffix': 'vault.contoso.example',
};
const setting = (name: string, value: string) => ({ ...validCustomCloud, [`acrCmk.customCloud.${name}`]: value });
const invalidUrl = (name: string, value: string) =>
    `The setting "acrCmk.customCloud.${name}" has the value "${value}", which is not a valid https URL. Fix it in Settings.`;
const required = (name: string) => `The setting "acrCmk.customCloud.${name}" is required when "acrCmk.cloud" is "custom".`;
const notPem = (path: string) => `The file "${path}" does not contain a PEM certificate. Check "acrCmk.customCloud.caCertificatePath".`;

export const localCatalogue: readonly BadInputCase[] = [
    // Registry name: 5–50 ASCII letters and digits, globally unique (availability is asked only once these pass)
    { surface: 'registryName', input: 'abcd', message: regLength('abcd', 4) },
    { surface: 'registryName', input: 'abcde', message: undefined },
    { surface: 'registryName', input: a(50), message: undefined },
    { surface: 'registryName', input: a(51), message: regLength(a(51), 51) },
    { surface: 'registryName', input: '', message: regLength('', 0) },
    { surface: 'registryName', input: 'abc-de', message: regChars('abc-de') },
    { surface: 'registryName', input: 'abc_de', message: regChars('abc_de') },
    { surface: 'registryName', input: 'abc.de', message: regChars('abc.de') },
    { surface: 'registryName', input: ' abcde', message: regChars(' abcde') },
    { surface: 'registryName', input: 'abcde ', message: regChars('abcde ') },
    { surface: 'registryName', input: 'abc\tde', message: regChars('abc\tde') },
    { surface: 'registryName', input: 'abc\u200bde', message: regChars('abc\u200bde') },
    { surface: 'registryName', input: '\u00a0abcde', message: regChars('\u00a0abcde') },
    { surface: 'registryName', input: 'régistry', message: regChars('régistry') },
    { surface: 'registryName', input: '注册表名称', message: regChars('注册表名称') },
    { surface: 'registryName', input: 'ａｂｃｄｅ', message: regChars('ａｂｃｄｅ') },
    { surface: 'registryName', input: '😀😀', message: regLength('😀😀', 2) },
    // Key vault name: 3–24, letter first, letters/digits/hyphens, no "--", no trailing "-"
    { surface: 'vaultName', input: 'abc', message: undefined },
    { surface: 'vaultName', input: a(24), message: undefined },
    { surface: 'vaultName', input: 'ab', message: vaultLength('ab') },
    { surface: 'vaultName', input: a(25), message: vaultLength(a(25)) },
    { surface: 'vaultName', input: '1abc', message: vaultStart('1abc') },
    { surface: 'vaultName', input: '-abc', message: vaultStart('-abc') },
    { surface: 'vaultName', input: 'abc-', message: vaultHyphens('abc-') },
    { surface: 'vaultName', input: 'a--bc', message: vaultHyphens('a--bc') },
    { surface: 'vaultName', input: 'kv_1', message: vaultChars('kv_1') },
    { surface: 'vaultName', input: 'kv.1', message: vaultChars('kv.1') },
    { surface: 'vaultName', input: 'kv 1', message: vaultChars('kv 1') },
    { surface: 'vaultName', input: ' kvone', message: vaultChars(' kvone') },
    { surface: 'vaultName', input: '保管库名', message: vaultChars('保管库名') },
    // Soft-delete retention: whole days 7–90
    { surface: 'retentionDays', input: '7', message: undefined },
    { surface: 'retentionDays', input: '90', message: undefined },
    { surface: 'retentionDays', input: '6', message: retention('6') },
    { surface: 'retentionDays', input: '91', message: retention('91') },
    { surface: 'retentionDays', input: '7.5', message: retention('7.5') },
    { surface: 'retentionDays', input: '-7', message: retention('-7') },
    { surface: 'retentionDays', input: 'ninety', message: retention('ninety') },
    { surface: 'retentionDays', input: '', message: retention('') },
    // Key name: 1–127 letters, digits, hyphens
    { surface: 'keyName', input: a(127, 'k'), message: undefined },
    { surface: 'keyName', input: '', message: keyName('') },
    { surface: 'keyName', input: a(128, 'k'), message: keyName(a(128, 'k')) },
    { surface: 'keyName', input: 'key_1', message: keyName('key_1') },
    { surface: 'keyName', input: 'key 1', message: keyName('key 1') },
    { surface: 'keyName', input: 'ключ', message: keyName('ключ') },
    // Managed identity name: 3–128, letter or digit first, then letters, digits, "-" and "_"
    { surface: 'identityName', input: '1ab', message: undefined },
    { surface: 'identityName', input: a(128), message: undefined },
    { surface: 'identityName', input: 'ab', message: idLength('ab') },
    { surface: 'identityName', input: a(129), message: idLength(a(129)) },
    { surface: 'identityName', input: '-abc', message: idChars('-abc') },
    { surface: 'identityName', input: '_abc', message: idChars('_abc') },
    { surface: 'identityName', input: 'id.one', message: idChars('id.one') },
    { surface: 'identityName', input: 'id one', message: idChars('id one') },
    { surface: 'identityName', input: '标识名', message: idChars('标识名') },
    { surface: 'identityName', input: 'abc\n', message: idChars('abc\n') },
    // Resource group name: 1–90 Unicode letters/digits, "_-.()", not ending in "."
    { surface: 'resourceGroupName', input: '资源组', message: undefined },
    { surface: 'resourceGroupName', input: a(90), message: undefined },
    { surface: 'resourceGroupName', input: '', message: rgLength('') },
    { surface: 'resourceGroupName', input: a(91), message: rgLength(a(91)) },
    { surface: 'resourceGroupName', input: 'rg.', message: `Resource group name "rg." must not end with a period.` },
    { surface: 'resourceGroupName', input: 'rg one', message: rgChars('rg one') },
    { surface: 'resourceGroupName', input: ' rg', message: rgChars(' rg') },
    { surface: 'resourceGroupName', input: 'rg/one', message: rgChars('rg/one') },
    { surface: 'resourceGroupName', input: 'rg#1', message: rgChars('rg#1') },
    { surface: 'resourceGroupName', input: 'rg😀', message: rgChars('rg😀') },
    // Key identifier (rotate to a key of another vault), configured cloud AzureCloud
    { surface: 'keyId', input: `${kv}/keys/k1`, message: undefined },
    { surface: 'keyId', input: `  ${kv}/keys/k1/${version}  `, message: undefined },
    { surface: 'keyId', input: 'HTTPS://KV1.VAULT.AZURE.NET/KEYS/K1', message: undefined },
    { surface: 'keyId', input: '', message: 'Enter a key identifier, for example https://myvault.vault.azure.net/keys/mykey.' },
    { surface: 'keyId', input: '   ', message: 'Enter a key identifier, for example https://myvault.vault.azure.net/keys/mykey.' },
    { surface: 'keyId', input: 'mykey', message: '"mykey" is not a URL. A key identifier looks like https://<vault>.<vault suffix>/keys/<key>[/<version>].' },
    {
        surface: 'keyId',
        input: 'kv1.vault.azure.net/keys/k1',
        message: '"kv1.vault.azure.net/keys/k1" is not a URL. A key identifier looks like https://<vault>.<vault suffix>/keys/<key>[/<version>].',
    },
    { surface: 'keyId', input: 'http://kv1.vault.azure.net/keys/k1', message: https('http://kv1.vault.azure.net/keys/k1') },
    { surface: 'keyId', input: 'ftp://kv1.vault.azure.net/keys/k1', message: https('ftp://kv1.vault.azure.net/keys/k1') },
    {
        surface: 'keyId',
        input: `${kv}/keys/k1?api-version=7.4`,
        message: `Key identifier "${kv}/keys/k1?api-version=7.4" must not contain a query or fragment.`,
    },
    { surface: 'keyId', input: `${kv}/keys/k1#latest`, message: `Key identifier "${kv}/keys/k1#latest" must not contain a query or fragment.` },
    { surface: 'keyId', input: 'https://kv1.vault.azure.cn/keys/k1', message: otherCloud('kv1.vault.azure.cn', 'AzureChinaCloud') },
    { surface: 'keyId', input: 'https://kv1.vault.usgovcloudapi.net/keys/k1', message: otherCloud('kv1.vault.usgovcloudapi.net', 'AzureUSGovernment') },
    { surface: 'keyId', input: 'https://kv1.example.com/keys/k1', message: notVaultHost('kv1.example.com') },
    { surface: 'keyId', input: 'https://kv1.managedhsm.azure.net/keys/k1', message: notVaultHost('kv1.managedhsm.azure.net') },
    { surface: 'keyId', input: 'https://kv1.vault.azure.net:8443/keys/k1', message: notVaultHost('kv1.vault.azure.net:8443') },
    { surface: 'keyId', input: 'https://1kv.vault.azure.net/keys/k1', message: badVaultName('1kv') },
    { surface: 'keyId', input: 'https://kv--1.vault.azure.net/keys/k1', message: badVaultName('kv--1') },
    { surface: 'keyId', input: 'https://kvé1.vault.azure.net/keys/k1', message: badVaultName('kvé1') },
    { surface: 'keyId', input: 'https://a.b.vault.azure.net/keys/k1', message: badVaultName('a.b') },
    { surface: 'keyId', input: `${kv}/secrets/s1`, message: notKeyPath(`${kv}/secrets/s1`) },
    { surface: 'keyId', input: kv, message: notKeyPath(kv) },
    { surface: 'keyId', input: `${kv}/keys/k1/${version}/extra`, message: notKeyPath(`${kv}/keys/k1/${version}/extra`) },
    { surface: 'keyId', input: `${kv}/keys`, message: `Key identifier "${kv}/keys" has no key name.` },
    { surface: 'keyId', input: `${kv}/keys/`, message: `Key identifier "${kv}/keys/" has no key name.` },
    { surface: 'keyId', input: `${kv}/keys/my_key`, message: '"my_key" is not a valid key name (1-127 letters, digits and hyphens).' },
    { surface: 'keyId', input: `${kv}/keys/k1/123`, message: '"123" is not a valid key version (32 letters and digits).' },
    // Automatic rotation: interval 7–3650 days; notice 7..(expiry − interval) = 90 for a 90-day interval
    { surface: 'rotationIntervalDays', input: '7', message: undefined },
    { surface: 'rotationIntervalDays', input: ' 3650 ', message: undefined },
    { surface: 'rotationIntervalDays', input: '6', message: interval('6') },
    { surface: 'rotationIntervalDays', input: '3651', message: interval('3651') },
    { surface: 'rotationIntervalDays', input: '30.5', message: interval('30.5') },
    { surface: 'rotationIntervalDays', input: '1e2', message: interval('1e2') },
    { surface: 'rotationIntervalDays', input: '0x1F', message: interval('0x1F') },
    { surface: 'rotationIntervalDays', input: 'abc', message: interval('abc') },
    { surface: 'rotationIntervalDays', input: '', message: interval('') },
    { surface: 'notifyDaysBeforeExpiry', input: '90', message: undefined },
    { surface: 'notifyDaysBeforeExpiry', input: '6', message: notify('6') },
    { surface: 'notifyDaysBeforeExpiry', input: '91', message: notify('91') },
    { surface: 'notifyDaysBeforeExpiry', input: 'thirty', message: notify('thirty') },
    // Deploy template: a missing parameter value; revoke: the typed registry name
    { surface: 'templateParameter', input: '', message: 'Enter a value.' },
    { surface: 'templateParameter', input: '  \t', message: 'Enter a value.' },
    { surface: 'revokeConfirmation', input: ' cmkreg1 ', message: undefined },
    { surface: 'revokeConfirmation', input: 'CMKREG1', message: 'Type "cmkreg1" exactly.' },
    { surface: 'revokeConfirmation', input: 'cmkreg', message: 'Type "cmkreg1" exactly.' },
    { surface: 'revokeConfirmation', input: '', message: 'Type "cmkreg1" exactly.' },
    // Template files given to Deploy ARM Template
    { surface: 'templateFile', input: '{', message: 'The file "template.json" is not valid JSON (line 1, column 2).' },
    { surface: 'templateFile', input: '{\n  "a": 1,\n  oops\n}', message: 'The file "template.json" is not valid JSON (line 3, column 3).' },
    { surface: 'templateFile', input: '{}', message: 'The file "template.json" is not an ARM template (it needs "$schema" and "resources").' },
    { surface: 'templateFile', input: '[]', message: 'The file "template.json" is not an ARM template (it needs "$schema" and "resources").' },
    {
        surface: 'templateFile',
        input: '{"$schema":"x","resources":{}}',
        message: 'The file "template.json" is not an ARM template (it needs "$schema" and "resources").',
    },
    // Settings: acrCmk.cloud and the custom cloud (read with the extension's own settings reader)
    { surface: 'setting', input: 'valid custom cloud', settings: validCustomCloud, message: undefined },
    {
        surface: 'setting',
        input: 'unknown cloud name',
        settings: { 'acrCmk.cloud': 'AzureGermanCloud' },
        message: 'Unknown cloud "AzureGermanCloud" in "acrCmk.cloud". Use AzureCloud, AzureChinaCloud, AzureUSGovernment or custom.',
    },
    {
        surface: 'setting',
        input: 'no Resource Manager endpoint',
        settings: setting('resourceManagerEndpoint', ''),
        message: required('resourceManagerEndpoint'),
    },
    {
        surface: 'setting',
        input: 'http Resource Manager endpoint',
        settings: setting('resourceManagerEndpoint', 'http://management.contoso.example/'),
        message: invalidUrl('resourceManagerEndpoint', 'http://management.contoso.example/'),
    },
    {
        surface: 'setting',
        input: 'endpoint without scheme',
        settings: setting('resourceManagerEndpoint', 'management.contoso.example'),
        message: invalidUrl('resourceManagerEndpoint', 'management.contoso.example'),
    },
    {
        surface: 'setting',
        input: 'endpoint with a query',
        settings: setting('resourceManagerEndpoint', 'https://management.contoso.example/?x=1'),
        message: invalidUrl('resourceManagerEndpoint', 'https://management.contoso.example/?x=1'),
    },
    {
        surface: 'setting',
        input: 'endpoint with a user name',
        settings: setting('resourceManagerEndpoint', 'https://admin@management.contoso.example/'),
        message: invalidUrl('resourceManagerEndpoint', 'https://admin@management.contoso.example/'),
    },
    {
        surface: 'setting',
        input: 'audience not a URL',
        settings: setting('resourceManagerAudience', 'management audience'),
        message: invalidUrl('resourceManagerAudience', 'management audience'),
    },
    { surface: 'setting', input: 'no authority host', settings: setting('authorityHost', ''), message: required('authorityHost') },
    {
        surface: 'setting',
        input: 'authority with spaces',
        settings: setting('authorityHost', 'https://login contoso'),
        message: invalidUrl('authorityHost', 'https://login contoso'),
    },
    { surface: 'setting', input: 'no vault suffix', settings: setting('keyVaultDnsSuffix', ''), message: required('keyVaultDnsSuffix') },
    {
        surface: 'setting',
        input: 'vault suffix with a space',
        settings: setting('keyVaultDnsSuffix', 'vault contoso'),
        message: invalidUrl('keyVaultDnsSuffix', 'vault contoso'),
    },
    {
        surface: 'setting',
        input: 'vault suffix with a path',
        settings: setting('keyVaultDnsSuffix', 'https://vault.contoso.example/keys'),
        message: invalidUrl('keyVaultDnsSuffix', 'https://vault.contoso.example/keys'),
    },
    {
        surface: 'setting',
        input: 'ACR suffix with an underscore',
        settings: setting('acrLoginServerSuffix', 'azure_cr.contoso'),
        message: invalidUrl('acrLoginServerSuffix', 'azure_cr.contoso'),
    },
    {
        surface: 'setting',
        input: 'ftp portal',
        settings: setting('portalUrl', 'ftp://portal.contoso.example'),
        message: invalidUrl('portalUrl', 'ftp://portal.contoso.example'),
    },
    { surface: 'setting', input: 'CA file that is not PEM', settings: setting('caCertificatePath', '{notPem}'), message: notPem('{notPem}') },
    {
        surface: 'setting',
        input: 'CA file holding a private key, not a certificate',
        settings: setting('caCertificatePath', '{keyPem}'),
        message: notPem('{keyPem}'),
    },
    {
        surface: 'setting',
        input: 'CA file that does not exist',
        settings: setting('caCertificatePath', '{missing}'),
        message: 'Cannot read the CA certificate file "{missing}" (ENOENT). Check "acrCmk.customCloud.caCertificatePath".',
    },
    {
        surface: 'setting',
        input: 'CA path that is a folder',
        settings: setting('caCertificatePath', '{directory}'),
        message: 'Cannot read the CA certificate file "{directory}" (EISDIR). Check "acrCmk.customCloud.caCertificatePath".',
    },
];
