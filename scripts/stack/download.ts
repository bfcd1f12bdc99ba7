import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { log } from './paths';

function sha1Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha1');
    fs.createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Downloads a Maven Central artifact to `dest` unless a copy with the right SHA-1 is already there.
 * Maven Central publishes `<url>.sha1` next to every file; checking it catches truncated downloads
 * that would otherwise surface later as a confusing unzip or class-loading error.
 */
export async function downloadMavenArtifact(url: string, dest: string): Promise<void> {
  const shaRes = await fetch(`${url}.sha1`);
  if (!shaRes.ok) {
    throw new Error(`GET ${url}.sha1: HTTP ${shaRes.status}`);
  }
  const expected = (await shaRes.text()).trim().split(/\s+/)[0].toLowerCase();
  if (fs.existsSync(dest) && (await sha1Of(dest)) === expected) {
    return;
  }
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const part = `${dest}.part`;
  const res = await fetch(url);
  if (!res.ok || !res.body) {
    throw new Error(`GET ${url}: HTTP ${res.status}`);
  }
  const total = Number(res.headers.get('content-length') ?? 0);
  let received = 0;
  let nextReport = 0.1;
  const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
  body.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (total && received / total >= nextReport) {
      log(
        'download',
        `${path.basename(dest)}: ${Math.round((100 * received) / total)}% of ${Math.round(total / 1e6)} MB`
      );
      nextReport += 0.1;
    }
  });
  await pipeline(body, fs.createWriteStream(part));
  const actual = await sha1Of(part);
  if (actual !== expected) {
    fs.rmSync(part, { force: true });
    throw new Error(`SHA-1 mismatch for ${url}: expected ${expected}, got ${actual}`);
  }
  fs.renameSync(part, dest);
}
