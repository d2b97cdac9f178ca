// Flat config: typescript-eslint's recommended rules for all TypeScript, plus the house rules that matter here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeGlobals = Object.fromEntries(
    [
        'process',
        'console',
        'require',
        'module',
        'exports',
        '__dirname',
        '__filename',
        'URL',
        'URLSearchParams',
        'Buffer',
        'fetch',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'AbortController',
        'AbortSignal',
        'TextEncoder',
        'TextDecoder',
        'structuredClone',
    ].map((name) => [name, 'readonly']),
);

// The SDK client getters of AzureClientFactory.
const clientGetters =
    'containerRegistry|subscriptions|keyVaultManagement|managedIdentities|authorization|resources|deployments|keys|resourceGraph|monitor|operationalInsights';

export default tseslint.config(
    { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '.playground/**', '.emulator/**', 'test-results/**', 'test/vscode-host/**', '**/*.d.ts'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            '@typescript-eslint/no-unused-vars': [
                'error',
                { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
            ],
            '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
        },
    },
    {
        files: ['**/*.ts', '**/*.mts', '**/*.cts'],
        rules: {
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
            eqeqeq: ['error', 'always'],
            curly: ['error', 'multi-line'],
            'no-console': 'off',
        },
    },
    {
        // Test doubles of foreign protocols (emulator, harness) legitimately handle untyped JSON.
        files: ['test/**/*.ts', 'bench/**/*.ts'],
        rules: { '@typescript-eslint/no-explicit-any': 'warn' },
    },
    {
        // The domain layer runs in plain Node (tests, CLI, benchmarks): it must never reach for the VS Code API.
        files: ['src/domain/**/*.ts'],
        rules: {
            'no-restricted-imports': [
                'error',
                { paths: [{ name: 'vscode', message: 'src/domain must not depend on vscode; return structured errors instead.' }] },
            ],
        },
    },
    {
        // One Azure gateway: only src/domain/azure/ (and the factory itself) calls SDK clients; UI and domain code call it.
        files: ['src/**/*.ts'],
        ignores: ['src/domain/azure/**', 'src/domain/clients/**'],
        rules: {
            'no-restricted-syntax': [
                'error',
                {
                    selector: `CallExpression > MemberExpression.callee[property.name=/^(${clientGetters})$/]:matches([object.name='factory'], [object.property.name='factory'], [object.expression.property.name='factory'])`,
                    message: 'SDK clients are called only in the Azure gateway: add or use a function in src/domain/azure/ instead.',
                },
            ],
        },
    },
    {
        files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
        languageOptions: { globals: nodeGlobals },
        rules: {
            '@typescript-eslint/no-require-imports': 'off',
        },
    },
);
