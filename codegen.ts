import type { CodegenConfig } from '@graphql-codegen/cli';

// Both clients use string documents: the browser bundle then carries no graphql-js, and the
// same TypedDocumentString goes to fetch and to graphql-ws unchanged.
const sharedConfig = {
  documentMode: 'string',
  enumsAsTypes: true,
  onlyOperationTypes: true,
  useTypeImports: true,
  scalars: { DateTime: 'string' },
} as const;

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'client/src/gql/': {
      preset: 'client',
      documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**', 'operations/*.graphql'],
      presetConfig: { fragmentMasking: false },
      config: sharedConfig,
    },
    'cli/gql/': {
      preset: 'client',
      documents: ['cli/**/*.ts', '!cli/gql/**', 'operations/*.graphql'],
      presetConfig: { fragmentMasking: false },
      config: sharedConfig,
    },
  },
};

export default config;
