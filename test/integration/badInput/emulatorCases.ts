/**
 * The bad-input catalogue, part 2: input given to the domain operations (create plan, rotate plan, revoke,
 * diagnose, the connection itself), run against the emulator. `sends`:
 * - `nothing`: refused before any request — the emulator's request log is unchanged;
 * - `noChange`: only Azure can tell (the key is EC, the registry has no CMK, …) — reads happen, and the
 *   emulator's whole state is unchanged afterwards.
 * Messages are exact; `{port}`, `{suffix}` (vault DNS suffix with port), `{principalId}`, `{ecKeyId}` and
 * `{offKeyId}` (versioned key ids) are filled from the world (badInputWorld.ts). Pure data: the unit catalogue counts it.
 */
export interface EmulatorBadInputCase {
    readonly id: string;
    readonly flow: 'create' | 'rotate' | 'revoke' | 'diagnose' | 'connection';
    readonly input: string;
    readonly message: string;
    readonly sends: 'nothing' | 'noChange';
}

const premiumOnly = (sku: string) =>
    `A registry with SKU ${sku} cannot use a customer-managed key: encryption with a customer-managed key is available only in the Premium SKU.`;
const notCmk =
    'Registry "plainbadinput" is encrypted with a service-managed key, so it has no customer-managed key to rotate, revoke, restore or diagnose. Customer-managed keys can only be set when a registry is created.';
const ecKey = 'Key "{ecKeyId}" is of type EC. Azure Container Registry supports only RSA and RSA-HSM keys.';
const offKey = 'Key "{offKeyId}" is disabled or expired; a registry cannot use it.';
const goneKey = 'Key "gonekey" was not found in key vault "kvbadinput".';

export const emulatorCatalogue: readonly EmulatorBadInputCase[] = [
    { id: 'create.skuStandard', flow: 'create', input: 'registry SKU Standard', sends: 'nothing', message: premiumOnly('Standard') },
    { id: 'create.skuBasic', flow: 'create', input: 'registry SKU Basic', sends: 'nothing', message: premiumOnly('Basic') },
    {
        id: 'create.registryNameShort',
        flow: 'create',
        input: 'registry name "ab1"',
        sends: 'nothing',
        message: 'Registry name "ab1" has 3 characters; it must have 5 to 50.',
    },
    {
        id: 'create.vaultNameHyphens',
        flow: 'create',
        input: 'new vault "kv--bad"',
        sends: 'nothing',
        message: 'Key vault name "kv--bad" must not end with a hyphen or contain two hyphens in a row.',
    },
    {
        id: 'create.groupNameSpace',
        flow: 'create',
        input: 'resource group "rg bad"',
        sends: 'nothing',
        message: 'Resource group name "rg bad" may contain only letters, digits, underscores, hyphens, periods and parentheses.',
    },
    {
        id: 'create.hsmOnStandardVault',
        flow: 'create',
        input: 'RSA-HSM key in a new Standard vault',
        sends: 'nothing',
        message: 'Key vault "kvbadnew1" is a Standard vault; HSM-protected keys (RSA-HSM) need a Premium vault.',
    },
    {
        id: 'create.keySize1024',
        flow: 'create',
        input: 'key size 1024',
        sends: 'nothing',
        message: 'Key size 1024 is not supported; choose 2048, 3072 or 4096 bits.',
    },
    {
        id: 'create.retention120',
        flow: 'create',
        input: 'soft-delete retention 120 days',
        sends: 'nothing',
        message: 'Soft-delete retention "120" must be a whole number of days from 7 to 90.',
    },
    {
        id: 'create.identityNameForId',
        flow: 'create',
        input: 'identity name where its resource id belongs',
        sends: 'nothing',
        message: '"id-bad-input" is not an Azure resource ID.',
    },
    {
        id: 'create.vaultUriForId',
        flow: 'create',
        input: 'vault URI where its resource id belongs',
        sends: 'nothing',
        message: '"https://kvbadinput.{suffix}/" is not an Azure resource ID.',
    },
    {
        id: 'create.registryNameTaken',
        flow: 'create',
        input: 'registry name already in use',
        sends: 'noChange',
        message: 'The registry name "cmkbadinput" is not available: The registry cmkbadinput is already in use.',
    },
    {
        id: 'create.vaultWithoutPurgeProtection',
        flow: 'create',
        input: 'existing vault without purge protection, not agreed to turn it on',
        sends: 'noChange',
        message:
            'Key vault "kvbadnopurge" does not have purge protection. A registry encrypted with a customer-managed key needs soft delete and purge protection on its key vault; enable purge protection or choose another vault.',
    },
    {
        id: 'create.firewalledVault',
        flow: 'create',
        input: 'existing firewalled vault',
        sends: 'noChange',
        message:
            'Key vault "kvbadfirewall" has a firewall (default action Deny). A new registry reaches its key through a user-assigned identity, which the firewall never lets through: only a registry\'s system-assigned identity counts as a trusted Microsoft service. Choose another vault, or create the registry with a reachable vault, then rotate to this vault with the system-assigned identity (and allow trusted Microsoft services on it).',
    },
    { id: 'create.ecKey', flow: 'create', input: 'existing EC key', sends: 'noChange', message: ecKey },
    { id: 'create.disabledKey', flow: 'create', input: 'existing disabled key', sends: 'noChange', message: offKey },
    { id: 'create.deletedKey', flow: 'create', input: 'existing key that was deleted', sends: 'noChange', message: goneKey },
    {
        id: 'create.keyNameTaken',
        flow: 'create',
        input: 'new key named like an existing one',
        sends: 'noChange',
        message: 'Key vault "kvbadinput" already has a key named "rsakey". Pick it as an existing key or choose another name.',
    },
    {
        id: 'create.identityNameTaken',
        flow: 'create',
        input: 'new identity named like an existing one',
        sends: 'noChange',
        message:
            'A managed identity named "id-bad-input" already exists in resource group "rg-bad-input". Pick it as an existing identity or choose another name.',
    },
    {
        id: 'rotate.httpKeyId',
        flow: 'rotate',
        input: 'http:// key id',
        sends: 'nothing',
        message: 'Key identifier "http://kvbadinput.{suffix}/keys/rsakey" must use https.',
    },
    {
        id: 'rotate.otherCloudKeyId',
        flow: 'rotate',
        input: 'key id of public Azure',
        sends: 'nothing',
        message:
            'The key vault host "kv1.vault.azure.net" belongs to AzureCloud, not to the configured cloud (vault suffix {suffix}). Check the "acrCmk.cloud" setting.',
    },
    {
        id: 'rotate.missingKeyName',
        flow: 'rotate',
        input: 'key id without key name',
        sends: 'nothing',
        message: 'Key identifier "https://kvbadinput.{suffix}/keys/" has no key name.',
    },
    {
        id: 'rotate.policyTooShort',
        flow: 'rotate',
        input: 'rotation policy every 3 days',
        sends: 'nothing',
        message: '"3" is not a valid rotation interval: enter a whole number of days from 7 to 3650.',
    },
    { id: 'rotate.notCmk', flow: 'rotate', input: 'rotate a registry without CMK', sends: 'noChange', message: notCmk },
    { id: 'rotate.ecKey', flow: 'rotate', input: 'rotate to an EC key', sends: 'noChange', message: ecKey },
    { id: 'rotate.disabledKey', flow: 'rotate', input: 'rotate to a disabled key', sends: 'noChange', message: offKey },
    { id: 'rotate.deletedKey', flow: 'rotate', input: 'rotate to a deleted key', sends: 'noChange', message: goneKey },
    {
        id: 'rotate.unknownVault',
        flow: 'rotate',
        input: 'rotate to a key of a vault that does not exist',
        sends: 'noChange',
        message: 'No key vault named "kvnowhere" (from key "https://kvnowhere.{suffix}/keys/k1") was found in the selected subscriptions.',
    },
    {
        id: 'rotate.firewallUserIdentity',
        flow: 'rotate',
        input: 'rotate to a firewalled vault keeping the user-assigned identity',
        sends: 'noChange',
        message:
            'Key vault "kvbadfirewall" has a firewall (default action Deny). Only the registry\'s system-assigned identity can pass it, as a trusted Microsoft service: use the system-assigned identity for registry "cmkbadinput".',
    },
    {
        id: 'rotate.consentDeclined',
        flow: 'rotate',
        input: 'system identity needed, enabling it declined',
        sends: 'noChange',
        message: 'Registry "cmkbadinput" was not changed: the rotation needs to enable the system-assigned identity, which was declined.',
    },
    { id: 'revoke.notCmk', flow: 'revoke', input: 'revoke a registry without CMK', sends: 'noChange', message: notCmk },
    {
        id: 'revoke.wrongName',
        flow: 'revoke',
        input: 'typed "cmkbadinpu" to confirm',
        sends: 'noChange',
        message: '"cmkbadinpu" does not match the registry name "cmkbadinput". Nothing was revoked.',
    },
    {
        id: 'diagnose.principalIdForClientId',
        flow: 'diagnose',
        input: 'principal id stored where the client id belongs',
        sends: 'noChange',
        message: 'The encryption identity is set to the principal ID {principalId} of "id-bad-input"; it must be the identity\'s client ID.',
    },
    {
        id: 'connection.untrustedServer',
        flow: 'connection',
        input: 'CA file of another authority (server certificate not trusted)',
        sends: 'nothing',
        message:
            'The server localhost:{port} presented a certificate that is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE). If this cloud uses a private certificate authority, set "acrCmk.customCloud.caCertificatePath" to that authority\'s PEM file.',
    },
    {
        id: 'connection.untrustedAuthority',
        flow: 'connection',
        input: 'service principal sign-in, authority certificate not trusted',
        sends: 'nothing',
        message:
            'Could not read the sign-in endpoints of the authority (endpoints_resolution_error): the authority host is unreachable or its certificate is not trusted. Check "acrCmk.customCloud.authorityHost" and, for a private certificate authority, "acrCmk.customCloud.caCertificatePath".',
    },
];
