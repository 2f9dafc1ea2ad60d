/**
 * Progress of a long build, on stderr so stdout keeps the result: a bar
 * redrawn in place on a terminal, plain lines when stderr is piped (a phase
 * starts, then about every 10 % of the files), JSON lines with --json, nothing
 * with --quiet. Each report carries the phase, files done, documents found and
 * the time since the build started.
 */
import type { CommandIO } from './io.js';
import { printable } from './printable.js';

export type BuildPhase = 'parse' | 'collapse' | 'search' | 'variants' | 'write' | 'switch';
export type ProgressMode = 'bar' | 'lines' | 'json' | 'quiet';

export interface ProgressState {
  phase: BuildPhase;
  files: number;
  totalFiles: number;
  documents: number;
}

const LABEL: Record<BuildPhase, string> = {
  parse: '解析原始文件',
  collapse: '合并相同文本',
  search: '建立检索索引',
  variants: '查找相似文本',
  write: '写入新版本',
  switch: '切换到新版本',
};

export function progressMode(io: CommandIO, flags: Set<string>): ProgressMode {
  if (flags.has('quiet')) return 'quiet';
  if (flags.has('json')) return 'json';
  return io.errIsTTY && io.errWrite ? 'bar' : 'lines';
}

export class BuildProgress {
  private readonly started = performance.now();
  private phaseStarted = this.started;
  private state: ProgressState = { phase: 'parse', files: 0, totalFiles: 0, documents: 0 };
  private lastDraw = 0;
  private lastDecile = -1;
  /** Whether a phase was entered: the state starts at 'parse' before the build says so. */
  private begun = false;
  /** Milliseconds per phase, for the summary and bench:scale. */
  readonly phases: Partial<Record<BuildPhase, number>> = {};
  /**
   * The process's peak RSS (MB, worker threads included) as each phase ended: the phase whose
   * figure first reaches the final peak is the one that set it. For bench:scale's memory goal.
   */
  readonly peakRssMb: Partial<Record<BuildPhase, number>> = {};

  constructor(
    private readonly io: CommandIO,
    private readonly mode: ProgressMode,
    private readonly now: () => number = () => performance.now(),
  ) {}

  elapsed(): number {
    return Math.round(this.now() - this.started);
  }

  /** A new phase: the previous one's time is recorded. */
  phase(phase: BuildPhase, p: Partial<ProgressState> = {}): void {
    if (this.begun) this.endPhase();
    this.begun = true;
    this.state = { ...this.state, ...p, phase };
    this.phaseStarted = this.now();
    this.report(true);
  }

  update(p: Partial<ProgressState>): void {
    this.state = { ...this.state, ...p };
    this.report(false);
  }

  /** The last phase's time; the bar's line is ended so later output starts on its own line. */
  finish(): void {
    if (this.begun) this.endPhase();
    if (this.mode === 'bar') this.io.errWrite!('\n');
  }

  private endPhase(): void {
    const ms = Math.round(this.now() - this.phaseStarted);
    this.phases[this.state.phase] = (this.phases[this.state.phase] ?? 0) + ms;
    this.peakRssMb[this.state.phase] = Math.round(process.resourceUsage().maxRSS / 1024);
  }

  private report(phaseStart: boolean): void {
    const { phase, files, totalFiles, documents } = this.state;
    const elapsedMs = this.elapsed();
    if (this.mode === 'quiet') return;
    if (this.mode === 'json') {
      if (phaseStart || this.decileChanged()) this.io.err(JSON.stringify({ event: 'progress', phase, files, totalFiles, documents, elapsedMs }));
      return;
    }
    const text = `${LABEL[phase]}  文件 ${files}/${totalFiles}  文档 ${documents}  ${(elapsedMs / 1000).toFixed(1)} s`;
    if (this.mode === 'lines') {
      if (phaseStart || this.decileChanged()) this.io.err(printable(text));
      return;
    }
    // The bar: redrawn at most ten times a second, always at a phase start.
    if (!phaseStart && this.now() - this.lastDraw < 100 && files !== totalFiles) return;
    this.lastDraw = this.now();
    const width = 24;
    const filled = totalFiles ? Math.round((files / totalFiles) * width) : 0;
    this.io.errWrite!(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${printable(text)}\x1b[K`);
  }

  /** True once per tenth of the files parsed (the plain and JSON modes report at that pace). */
  private decileChanged(): boolean {
    const { files, totalFiles } = this.state;
    const decile = totalFiles ? Math.floor((files / totalFiles) * 10) : 10;
    if (decile === this.lastDecile) return false;
    this.lastDecile = decile;
    return true;
  }
}
