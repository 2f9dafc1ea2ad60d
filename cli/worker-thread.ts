/**
 * One worker thread of the corpus build, spoken to by request and reply: each request carries an id, its
 * reply the same id and either a result or `error`. Started on its first request, so a step with nothing to
 * do starts no thread. From the TypeScript sources (vitest, tsx) the worker is TypeScript too: a small
 * bootstrap registers tsx's loader in the thread before importing it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type MessagePort, type TransferListItem } from 'node:worker_threads';

/** True when this code runs from the TypeScript sources, not the compiled CLI. */
export const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * How a helper thread stands, in a shared word its build's thread reads without an event loop (Atomics.load, then
 * receiveMessageOnPort): the clause and search threads (clause-thread.ts, search-thread.ts).
 */
export const RUNNING = 0;
export const DONE = 1;
export const FAILED = 2;

/** A helper thread the build's thread talks to over a port: stopped, both are let go. */
export class HelperThread {
  protected worker: Worker | null = null;
  protected port: MessagePort | null = null;

  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.port?.close();
    this.port = null;
    if (w) await w.terminate();
  }
}

/** The URL of a worker beside this file: `name.ts` from the sources, `name.mjs` compiled (scripts/build-cli.mjs). */
export function workerUrl(name: string): URL {
  return new URL(RUNNING_FROM_SOURCE ? `./${name}.ts` : `./${name}.mjs`, import.meta.url);
}

let tsxApi: string | undefined;
/** tsx's ESM API (the import condition of its exports; require.resolve would give the CommonJS one). */
function tsxEsmApi(): string {
  if (tsxApi) return tsxApi;
  const pkgFile = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return (tsxApi = pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports['./esm/api'].import.default)).href);
}

/** A worker thread running the module at `url` (TypeScript through tsx when running from the sources). */
export function startWorker(url: URL, options: { workerData?: unknown; transferList?: TransferListItem[] } = {}): Worker {
  // execArgv []: the parent's own flags (node -e, --input-type) are not the worker's.
  return RUNNING_FROM_SOURCE
    ? new Worker(`import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true, execArgv: [], ...options })
    : new Worker(url, { execArgv: [], ...options });
}

export interface Reply {
  id: number;
  error?: string;
}

/** A request without its id (over a union of request kinds, each kind's own fields). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class WorkerThread<Req extends { id: number }, Rep extends Reply> {
  private worker: Worker | null = null;
  private pending = new Map<number, (r: Rep | Reply) => void>();
  private next = 0;
  private failed: Error | null = null;

  constructor(private readonly url: URL) {}

  private start(): Worker {
    const w = startWorker(this.url);
    w.on('message', (r: Rep) => {
      this.pending.get(r.id)?.(r);
      this.pending.delete(r.id);
    });
    w.on('error', (e) => this.fail(e));
    w.on('exit', (code) => this.fail(new Error(`build worker exited (code ${code})`)));
    return w;
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const resolve of this.pending.values()) resolve({ id: -1, error: e.message });
    this.pending.clear();
  }

  /** Sends `body` with a fresh id; `transfer` lists buffers handed over (no longer usable here). */
  request(body: WithoutId<Req>, transfer: ArrayBuffer[] = []): Promise<Rep> {
    if (this.failed) return Promise.reject(this.failed);
    this.worker ??= this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (r) => (r.error === undefined ? resolve(r as Rep) : reject(new Error(r.error))));
      this.worker!.postMessage({ ...body, id }, transfer);
    });
  }

  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.failed ??= new Error('stopped');
    if (w) await w.terminate();
  }
}
