/**
 * `npm start`: builds what is needed and launches Electron. Where the Electron
 * binary is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or no
 * network), it says so in one sentence and starts the browser preview instead.
 *
 *   npm start                 renderer + corpus (if missing) + electron bundle → Electron
 *   npm start -- --browser    always the browser preview
 *   npm start -- --no-build   skip the renderer build (corpus/electron still built if missing)
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BinaryProbe {
  env?: Record<string, string | undefined>;
  exists?: (p: string) => boolean;
  readFile?: (p: string) => string;
}

export type ElectronBinary = { found: true; path: string } | { found: false; expected: string | null; reason: string };

/**
 * Finds the Electron executable the way node_modules/electron/index.js does
 * (path.txt + dist/, or ELECTRON_OVERRIDE_DIST_PATH) WITHOUT require('electron'):
 * that require tries to download the binary when it is missing.
 */
export function findElectronBinary(projectRoot: string, probe: BinaryProbe = {}): ElectronBinary {
  const env = probe.env ?? process.env;
  const exists = probe.exists ?? ((p: string) => fs.existsSync(p));
  const readFile = probe.readFile ?? ((p: string) => fs.readFileSync(p, 'utf8'));
  const pkgDir = path.join(projectRoot, 'node_modules', 'electron');
  if (!exists(path.join(pkgDir, 'package.json'))) return { found: false, expected: null, reason: 'the electron package is not installed' };
  let relative: string | null = null;
  try {
    relative = readFile(path.join(pkgDir, 'path.txt')).trim() || null;
  } catch {
    relative = null;
  }
  let executable: string | null = null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) executable = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron');
  else if (relative) executable = path.join(pkgDir, 'dist', relative);
  if (!executable) return { found: false, expected: null, reason: 'node_modules/electron/path.txt is missing (binary download was skipped)' };
  if (!exists(executable)) return { found: false, expected: executable, reason: `${executable} does not exist` };
  return { found: true, path: executable };
}

export const MISSING_BINARY_MESSAGE =
  'Electron 的可执行文件未安装（此机器无法下载 Electron 二进制文件）：改为启动浏览器预览 `npm run preview`。\n' +
  'The Electron binary is not installed (it cannot be downloaded on this machine), so the browser preview starts instead.';

function npmRun(script: string, extraArgs: string[] = []): number {
  const execPath = process.env.npm_execpath;
  const result = execPath
    ? spawnSync(process.execPath, [execPath, 'run', script, ...extraArgs], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', script, ...extraArgs], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

function scripts(): Record<string, string> {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
}

function mustRun(script: string): void {
  const code = npmRun(script);
  if (code !== 0) {
    console.error(`npm start: \`npm run ${script}\` 失败（退出码 ${code}）。`);
    process.exit(code);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const pkgScripts = scripts();

  if (!args.includes('--no-build') && pkgScripts['build:renderer']) mustRun('build:renderer');
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    console.error('npm start: dist/renderer/index.html 不存在，请先运行 `npm run build:renderer`。');
    process.exit(1);
  }
  if (!fs.existsSync(path.join(root, 'resources', 'corpus', 'library.json'))) mustRun('build:corpus');

  const binary = args.includes('--browser') ? null : findElectronBinary(root);
  if (!binary || !binary.found) {
    if (binary) console.log(MISSING_BINARY_MESSAGE);
    if (!pkgScripts.preview) {
      console.error('npm start: 没有 `preview` 脚本，无法启动浏览器预览。');
      process.exit(1);
    }
    process.exit(npmRun('preview'));
  }

  const { buildElectron } = await import('./build-electron');
  await buildElectron();
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would start Electron as plain Node
  const child = spawn(binary.path, ['.', ...args.filter((a) => a !== '--no-build')], { cwd: root, stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
