/** @jest-environment node */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { parseCli } from './main';

describe('parseCli', () => {
  it('reads flags', () => {
    expect(
      parseCli(
        [
          '--port',
          '8091',
          '--host',
          '0.0.0.0',
          '--seed',
          '7',
          '--jwks-url',
          'http://kc/certs',
          '--issuer',
          'iss',
          '--audience',
          'aud',
          '--default-page-size',
          '3',
        ],
        {}
      )
    ).toEqual({
      port: 8091,
      host: '0.0.0.0',
      seed: 7,
      jwksUrl: 'http://kc/certs',
      jwks: undefined,
      issuer: 'iss',
      audience: 'aud',
      defaultPageSize: 3,
    });
  });

  it('falls back to the environment, and flags win over it', () => {
    const env = {
      SIM_PORT: '9000',
      SIM_HOST: '::1',
      SIM_SEED: '5',
      SIM_JWKS_URL: 'http://env/certs',
      SIM_ISSUER: 'env-iss',
      SIM_AUDIENCE: 'env-aud',
      SIM_DEFAULT_PAGE_SIZE: '10',
    };
    expect(parseCli([], env)).toMatchObject({
      port: 9000,
      host: '::1',
      seed: 5,
      jwksUrl: 'http://env/certs',
      issuer: 'env-iss',
      audience: 'env-aud',
      defaultPageSize: 10,
    });
    expect(parseCli(['--seed', '9'], env).seed).toBe(9);
  });

  it('has defaults for everything but the key set', () => {
    expect(parseCli(['--jwks-url', 'http://kc/certs'], {})).toMatchObject({
      port: 8090,
      host: '127.0.0.1',
      seed: 42,
      defaultPageSize: undefined,
    });
    expect(() => parseCli([], {})).toThrow(/no unauthenticated mode/);
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--default-page-size', '0']],
    [['--seed', '1.5']],
    [['--unknown']],
  ])('rejects %j', (args) => {
    expect(() => parseCli([...args, '--jwks-url', 'http://kc/certs'], {})).toThrow();
  });
});

describe('the CLI process', () => {
  it('prints one line with the real port, serves, never logs the token, and exits cleanly on SIGTERM', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-cli-'));
    const jwksFile = path.join(dir, 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'cli', alg: 'RS256' }] }));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'main.ts'), '--port', '0', '--seed', '3'],
      {
        env: { ...process.env, SIM_JWKS_FILE: jwksFile, SIM_ISSUER: 'cli-iss' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const m = /^simulator listening on (http:\/\/127\.0\.0\.1:(\d+))\n/.exec(stdout);
          if (m && Number(m[2]) > 0) {
            resolve(m[1]);
          }
        });
        child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
      });
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'cli' })
        .setIssuer('cli-iss')
        .setExpirationTime('5m')
        .sign(privateKey);
      const ok = await fetch(`${url}/model-monitoring/v1/deployment`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(ok.status).toBe(200);
      const bad = await fetch(`${url}/model-monitoring/v1/deployment`, {
        headers: { authorization: `Bearer ${token}x` },
      });
      expect(bad.status).toBe(401);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).toBe(`simulator listening on ${url}\n`);
      expect(stderr).not.toContain(token);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
