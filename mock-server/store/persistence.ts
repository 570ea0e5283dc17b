import fs from 'node:fs';
import path from 'node:path';
import { type LoadReport, type LogRecord, RecordLog } from './log.ts';

/** Documents as written to the log: one buffer, each payload's offset and byte length. */
export interface EncodedDocs {
  buf: Buffer;
  at: number[];
  len: number[];
}

/** Log record kinds. One kind today; the byte leaves room for more without a format change. */
export const KIND_SEGMENT = 0x53; // 'S': payload = one accepted segment/subsegment document

/**
 * The data directory: `segments.log` (append-only, every acknowledged document) plus small JSON
 * files for groups and sampling rules, each replaced atomically (write temp, fsync, rename) on
 * every change — they change rarely, so a whole-file write is simpler than log records.
 */
export class DataDir {
  private constructor(
    readonly dir: string,
    private readonly segments: RecordLog,
    readonly report: LoadReport,
  ) {}

  /**
   * Opens the directory, replaying every stored document through `onDocument`.
   * Throws an Error whose message says what is wrong when the directory can't be used.
   */
  static open(dir: string, onDocument: (raw: string) => void, log: (msg: string) => void): DataDir {
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK | fs.constants.R_OK);
      const probe = path.join(dir, `.write-probe-${process.pid}`);
      fs.writeFileSync(probe, 'ok');
      fs.rmSync(probe);
    } catch (e) {
      throw new Error(`data dir ${dir} is not writable: ${(e as Error).message}`);
    }
    const { log: segments, report } = RecordLog.open(
      path.join(dir, 'segments.log'),
      (r) => {
        if (r.kind === KIND_SEGMENT) onDocument(r.payload);
      },
      log,
    );
    return new DataDir(dir, segments, report);
  }

  /**
   * Durably appends documents (one write(2)); call before acknowledging them. Returns the
   * encoded bytes (see RecordLog.append) for the in-memory arena to copy instead of re-encoding.
   */
  appendDocuments(raws: readonly string[]): EncodedDocs {
    return this.segments.append(raws.map((payload) => ({ kind: KIND_SEGMENT, payload })));
  }

  get logBytes(): number {
    return this.segments.size;
  }

  /** Rewrites the log with only the given documents (drops replaced and expired ones). */
  compact(raws: Iterable<string>): void {
    this.segments.rewrite(mapIter(raws, (payload): LogRecord => ({ kind: KIND_SEGMENT, payload })));
  }

  readJson(name: string): unknown {
    const file = path.join(this.dir, name);
    if (!fs.existsSync(file)) return undefined;
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  }

  /** Atomic replace: a crash leaves the old or the new file, never a torn one. */
  writeJson(name: string, value: unknown): void {
    const file = path.join(this.dir, name);
    const tmp = `${file}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, JSON.stringify(value, null, 2));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  }

  close(): void {
    this.segments.close();
  }
}

function* mapIter<A, B>(items: Iterable<A>, f: (a: A) => B): Generator<B> {
  for (const a of items) yield f(a);
}
