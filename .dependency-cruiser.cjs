// The rooms of src/ and what each may import: arrows only point down (see README, Architecture).
// `npm test` runs this (`npm run lint:imports`), so an import that runs back up a floor fails the suite.
const mayImport = {
  http: ['schema', 'auth', 'events', 'metrics', 'db'],
  schema: ['projects', 'batches', 'comparison', 'visibility', 'events', 'auth', 'analysis', 'queue', 'db'], // queue: types only (below)
  jobs: ['projects', 'batches', 'queue', 'comparison', 'visibility', 'events', 'analysis', 'metrics', 'db'],
  projects: ['batches', 'queue', 'events', 'auth', 'visibility', 'analysis', 'db'], // analysis: the crawler's address guard, for webhooks
  batches: ['queue', 'events', 'auth', 'comparison', 'analysis', 'db'],
  auth: ['events', 'db'],
  queue: ['db'],
  events: ['db'],
  comparison: ['analysis', 'remoteApi'],
  visibility: ['remoteApi'],
  metrics: ['db'],
  remoteApi: [],
  analysis: [],
  db: [],
};
const rooms = Object.keys(mayImport);
/** A room is a folder of src/ or, for metrics, one file. */
const roomPath = (names) => `^src/(${names.join('|')})(/|[.]ts$)`;
/** Single files at the bottom of src/, which every room may use and which use no room. */
const leaves = '^src/(config|logger|errors)[.]ts$';

module.exports = {
  forbidden: [
    ...rooms.map((room) => ({
      name: `${room}-imports-down`,
      comment: `src/${room} may import only ${mayImport[room].map((r) => `src/${r}`).join(', ') || 'nothing else in src'} and the leaves (config, logger, errors)`,
      severity: 'error',
      from: { path: roomPath([room]) },
      to: { path: '^src/', pathNot: [roomPath([room, ...mayImport[room]]), leaves] },
    })),
    {
      name: 'schema-plans-no-jobs',
      comment: 'The schema hands the job plan its services carry to the batches; it uses no queue code itself.',
      severity: 'error',
      from: { path: '^src/schema/' },
      to: { path: roomPath(['queue']), dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'leaves-import-no-room',
      severity: 'error',
      from: { path: leaves },
      to: { path: '^src/', pathNot: leaves },
    },
    {
      name: 'imports-resolve',
      comment: 'An import the cruiser cannot follow could hide an arrow pointing up.',
      severity: 'error',
      from: {},
      // A package of types only, which has no file to resolve to.
      to: { couldNotResolve: true, pathNot: '^@graphql-typed-document-node/core$' },
    },
    {
      name: 'server-imports-no-program',
      comment: 'The server knows nothing of its clients or its tests.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(cli|client|test|bench|scripts)/' },
    },
    {
      name: 'shared-is-shared',
      comment: 'shared/ is used by the server, the web client and the CLI, so it imports none of them.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(src|cli|client)/' },
    },
    {
      name: 'clients-speak-graphql',
      comment: 'The web client and the vantage CLI reach the server only through its API (apikey is a server command).',
      severity: 'error',
      from: { path: '^(client/|cli/)', pathNot: '^cli/apikey[.]ts$' },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^src/db/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
