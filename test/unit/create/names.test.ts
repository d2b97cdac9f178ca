import * as assert from 'node:assert/strict';
import {
    identityNameProblem,
    keyNameProblem,
    keySizeProblem,
    registryNameProblem,
    resourceGroupNameProblem,
    retentionProblem,
    vaultNameProblem,
} from '../../../src/domain/create/names';
import { planProblems } from '../../../src/domain/create/validatePlan';
import { isDomainError, type DomainError } from '../../../src/domain/errors';

const code = (error: DomainError | undefined): string | undefined => error?.code;

describe('create: name rules (checked before any request)', () => {
    it('registry: 5–50 ASCII letters and digits', () => {
        const cases: [string, string | undefined][] = [
            ['abcde', undefined],
            ['a'.repeat(50), undefined],
            ['ABC12', undefined],
            ['abcd', 'RegistryNameLength'],
            ['a'.repeat(51), 'RegistryNameLength'],
            ['', 'RegistryNameLength'],
            ['abc-de', 'RegistryNameCharacters'],
            ['abc_de', 'RegistryNameCharacters'],
            ['abc.de', 'RegistryNameCharacters'],
            [' abcde', 'RegistryNameCharacters'],
            ['abcde ', 'RegistryNameCharacters'],
            ['abc de', 'RegistryNameCharacters'],
            ['régistry', 'RegistryNameCharacters'],
            ['注册表名称ab', 'RegistryNameCharacters'],
            ['abcde\n', 'RegistryNameCharacters'],
            ['ａｂｃｄｅ', 'RegistryNameCharacters'],
        ];
        for (const [name, expected] of cases) {
            assert.equal(code(registryNameProblem(name)), expected, JSON.stringify(name));
        }
        const tooShort = registryNameProblem('abcd');
        assert.ok(isDomainError(tooShort, 'RegistryNameLength'));
        assert.equal(tooShort.params.length, '4');
    });

    it('identity: 3–128, starts with a letter or digit, then letters, digits, - and _', () => {
        const cases: [string, string | undefined][] = [
            ['abc', undefined],
            ['1ab', undefined],
            ['a-b_c', undefined],
            ['a'.repeat(128), undefined],
            ['ab', 'IdentityNameLength'],
            ['a'.repeat(129), 'IdentityNameLength'],
            ['-abc', 'IdentityNameCharacters'],
            ['_abc', 'IdentityNameCharacters'],
            ['ab c', 'IdentityNameCharacters'],
            ['abc.d', 'IdentityNameCharacters'],
            [' abc', 'IdentityNameCharacters'],
            ['标识名', 'IdentityNameCharacters'],
            ['ab\t', 'IdentityNameCharacters'],
        ];
        for (const [name, expected] of cases) {
            assert.equal(code(identityNameProblem(name)), expected, JSON.stringify(name));
        }
    });

    it('vault: 3–24, letter first, letters/digits/hyphens, no "--", not ending in "-"', () => {
        const cases: [string, string | undefined][] = [
            ['abc', undefined],
            ['a-b-c', undefined],
            ['a'.repeat(24), undefined],
            ['A12', undefined],
            ['ab', 'VaultNameLength'],
            ['a'.repeat(25), 'VaultNameLength'],
            ['1abc', 'VaultNameStart'],
            ['-abc', 'VaultNameStart'],
            ['abc-', 'VaultNameHyphens'],
            ['a--bc', 'VaultNameHyphens'],
            ['ab_c', 'VaultNameCharacters'],
            ['ab c', 'VaultNameCharacters'],
            ['abc ', 'VaultNameCharacters'],
            ['保管库名', 'VaultNameCharacters'],
            ['kv.1', 'VaultNameCharacters'],
        ];
        for (const [name, expected] of cases) {
            assert.equal(code(vaultNameProblem(name)), expected, JSON.stringify(name));
        }
    });

    it('resource group: 1–90 of letters (Unicode), digits, _ - . ( ), not ending in a period', () => {
        const cases: [string, string | undefined][] = [
            ['a', undefined],
            ['rg-test_1.(x)', undefined],
            ['a'.repeat(90), undefined],
            ['资源组', undefined],
            ['groupé', undefined],
            ['', 'ResourceGroupNameLength'],
            ['a'.repeat(91), 'ResourceGroupNameLength'],
            ['rg.', 'ResourceGroupNameEndsWithPeriod'],
            ['rg test', 'ResourceGroupNameCharacters'],
            [' rg', 'ResourceGroupNameCharacters'],
            ['rg/x', 'ResourceGroupNameCharacters'],
            ['rg#', 'ResourceGroupNameCharacters'],
            ['rg😀', 'ResourceGroupNameCharacters'],
        ];
        for (const [name, expected] of cases) {
            assert.equal(code(resourceGroupNameProblem(name)), expected, JSON.stringify(name));
        }
    });

    it('key name, key size and soft-delete retention', () => {
        assert.equal(code(keyNameProblem('key-1')), undefined);
        assert.equal(code(keyNameProblem('a'.repeat(127))), undefined);
        assert.equal(code(keyNameProblem('a'.repeat(128))), 'KeyNameInvalid');
        assert.equal(code(keyNameProblem('key_1')), 'KeyNameInvalid');
        assert.equal(code(keyNameProblem('')), 'KeyNameInvalid');
        for (const size of [2048, 3072, 4096]) {
            assert.equal(code(keySizeProblem(size)), undefined);
        }
        for (const size of [1024, 2047, 8192, 0]) {
            assert.equal(code(keySizeProblem(size)), 'KeySizeInvalid');
        }
        for (const ok of [7, 90, '30', ' 45 ']) {
            assert.equal(code(retentionProblem(ok)), undefined, String(ok));
        }
        for (const bad of [6, 91, '7.5', 'abc', '', '-10', '１０']) {
            assert.equal(code(retentionProblem(bad)), 'SoftDeleteRetentionInvalid', String(bad));
        }
    });

    it('a plan: non-Premium SKU, HSM key on a new standard vault and malformed existing ids are refused locally', () => {
        const plan = {
            subscriptionId: 's',
            location: 'eastus',
            resourceGroup: { name: 'rg', create: true },
            registry: { name: 'myregistry', sku: 'Standard' },
            identity: { kind: 'existing' as const, id: 'not-an-id' },
            vault: { kind: 'new' as const, name: 'kv-ok', softDeleteRetentionInDays: 3 },
            key: { kind: 'new' as const, name: 'k', keyType: 'RSA-HSM' as const },
            versionless: true,
        };
        assert.deepEqual(
            planProblems(plan).map((p) => p.code),
            ['RegistrySkuNotPremium', 'ResourceIdInvalid', 'SoftDeleteRetentionInvalid', 'HsmKeyNeedsPremiumVault'],
        );
        assert.deepEqual(
            planProblems({
                ...plan,
                registry: { name: 'myregistry', sku: 'premium' },
                identity: { kind: 'new', name: 'id-ok' },
                vault: { kind: 'new', name: 'kv-ok', sku: 'premium' },
            }).map((p) => p.code),
            [],
        );
    });
});
