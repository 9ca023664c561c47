import { defineConfig } from 'prisma/config';

// Only `prisma generate` runs here: migrations are applied by Vantage itself at start
// (src/db/migrate.ts), so no datasource URL is needed.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
