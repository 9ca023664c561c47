import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('fetches HTTPS through the guarded connector: SNI and certificate checked against the hostname, not the vetted IP', async () => {
  const probe = fileURLToPath(new URL('./fixtures/tlsProbe.ts', import.meta.url));
  const certificate = fileURLToPath(new URL('./fixtures/tls/cert.pem', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', probe], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: certificate },
  });
  const seen = JSON.parse(stdout.trim().split('\n').pop()!);
  expect(seen.title).toBe('Served over TLS');
  expect(seen.https).toMatchObject({ outcome: 'PASS', message: 'The page is served over HTTPS.' });
  expect(seen.mismatch).toMatch(/^Could not fetch https:\/\/other\.test:\d+\/: Hostname\/IP does not match certificate's altnames/);
});
