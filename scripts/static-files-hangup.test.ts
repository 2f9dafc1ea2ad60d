/**
 * A client that hangs up must not leave the file open (issue 16, item 13): the
 * read stream is closed on the response's `close`, also when the client left
 * before the stream existed. Checked on the process's open descriptors
 * (/proc/self/fd, Linux), not on timing.
 */
import fs from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFile } from './static-files';

let dir: string;
let big: string;
let server: Server;
let port: number;
/** Resolves when the server's sendFile for the current request has returned. */
let served: Promise<void> = Promise.resolve();
let delayBeforeServing = 0;

const openHandlesTo = (file: string) =>
  fs.readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hangup-'));
  big = path.join(dir, 'big.json');
  fs.writeFileSync(big, Buffer.alloc(8 * 1024 * 1024, 0x20));
  server = createServer((req, res) => {
    served = new Promise((r) => setTimeout(r, delayBeforeServing)).then(() => sendFile(res, big));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function settle(): Promise<void> {
  await served;
  for (let i = 0; i < 50 && openHandlesTo(big) > 0; i++) await new Promise((r) => setTimeout(r, 20));
}

describe.skipIf(process.platform !== 'linux')('client hang-ups', () => {
  it('a client that leaves in the middle of a large file: the file is closed', async () => {
    await new Promise<void>((resolve) => {
      const req = request({ port, path: '/big.json', headers: { Host: `127.0.0.1:${port}` } }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => {});
      req.end();
    });
    await settle();
    expect(openHandlesTo(big)).toBe(0);
  });

  it('a client that leaves before the response started: the file is closed too', async () => {
    delayBeforeServing = 100;
    try {
      const req = request({ port, path: '/big.json', headers: { Host: `127.0.0.1:${port}` } });
      req.on('error', () => {});
      req.end();
      await new Promise((r) => setTimeout(r, 30));
      req.destroy();
      await new Promise((r) => setTimeout(r, 150));
      await settle();
      expect(openHandlesTo(big)).toBe(0);
    } finally {
      delayBeforeServing = 0;
    }
  });
});
