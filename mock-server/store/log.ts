import fs from 'node:fs';
import { crc32 } from 'node:zlib';

/**
 * Append-only record log. Why this and not an embedded database: the data is write-mostly JSON
 * that the server keeps in memory anyway, so the disk only has to make acknowledged writes
 * survive a crash and a restart. A synchronous `write(2)` to an O_APPEND descriptor before the
 * reply is enough for that: after `kill -9` the bytes are in the kernel page cache and reach the
 * file. (Power loss is out of scope for a mock; `fsync` on close and compaction only.)
 *
 * Record: [u8 kind][u32le payload length][u32le crc32(payload)][payload bytes].
 * A torn tail (short header, short payload or bad checksum) is cut off at load time and logged.
 */

const HEADER = 9;

export interface LogRecord {
  kind: number;
  payload: string;
}

export interface LoadReport {
  records: number;
  /** Bytes dropped from the end because the last record was torn or corrupt. */
  droppedBytes: number;
  droppedAt?: number;
}

export class RecordLog {
  private fd: number;
  private bytes: number;

  private constructor(
    readonly path: string,
    fd: number,
    bytes: number,
  ) {
    this.fd = fd;
    this.bytes = bytes;
  }

  /**
   * Opens (creating) the log, replays every intact record through `onRecord`, and truncates a torn
   * tail. Throws a plain Error with a readable message when the file can't be opened for append.
   */
  static open(
    path: string,
    onRecord: (r: LogRecord) => void,
    log: (msg: string) => void,
  ): { log: RecordLog; report: LoadReport } {
    const fd = fs.openSync(path, 'a+');
    const report = replay(fd, onRecord);
    if (report.droppedBytes > 0 && report.droppedAt !== undefined) {
      const torn = Buffer.alloc(report.droppedBytes);
      fs.readSync(fd, torn, 0, torn.length, report.droppedAt);
      fs.writeFileSync(`${path}.torn-${Date.now()}`, torn);
      fs.ftruncateSync(fd, report.droppedAt);
      log(
        `store: dropped a torn/corrupt record at byte ${report.droppedAt} of ${path} ` +
          `(${report.droppedBytes} bytes kept aside in ${path}.torn-*)`,
      );
    }
    const size = fs.fstatSync(fd).size;
    return { log: new RecordLog(path, fd, size), report };
  }

  get size(): number {
    return this.bytes;
  }

  /**
   * Appends records in one write(2) call; returns once the kernel has them. Returns the written
   * buffer and where each payload sits in it, so callers can reuse the encoded bytes.
   */
  append(records: readonly LogRecord[]): { buf: Buffer; at: number[]; len: number[] } {
    const lens = records.map((r) => Buffer.byteLength(r.payload, 'utf8'));
    let total = 0;
    for (const n of lens) total += HEADER + n;
    const buf = Buffer.allocUnsafe(total);
    const at: number[] = [];
    let pos = 0;
    for (let i = 0; i < records.length; i++) {
      const r = records[i] as LogRecord;
      const n = lens[i] as number;
      buf[pos] = r.kind;
      buf.writeUInt32LE(n, pos + 1);
      buf.write(r.payload, pos + HEADER, n, 'utf8');
      buf.writeUInt32LE(crc32(buf.subarray(pos + HEADER, pos + HEADER + n)), pos + 5);
      at.push(pos + HEADER);
      pos += HEADER + n;
    }
    let written = 0;
    try {
      while (written < buf.length)
        written += fs.writeSync(this.fd, buf, written, buf.length - written);
    } catch (e) {
      // A partial write (disk full) would leave a torn record that hides everything after it at
      // the next load: cut the file back so the log stays whole, and report the failure.
      if (written > 0) fs.ftruncateSync(this.fd, this.bytes);
      throw e;
    }
    this.bytes += buf.length;
    return { buf, at, len: lens };
  }

  /**
   * Replaces the log with exactly `records` (compaction): written to a temp file, fsynced, then
   * renamed over the log, so a crash at any point leaves either the old or the new log whole.
   */
  rewrite(records: Iterable<LogRecord>): void {
    const tmp = `${this.path}.compact`;
    const fd = fs.openSync(tmp, 'w');
    let batch: LogRecord[] = [];
    const tmpLog = new RecordLog(tmp, fd, 0);
    for (const r of records) {
      batch.push(r);
      if (batch.length >= 1000) {
        tmpLog.append(batch);
        batch = [];
      }
    }
    tmpLog.append(batch);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, this.path);
    fs.closeSync(this.fd);
    this.fd = fs.openSync(this.path, 'a+');
    this.bytes = tmpLog.bytes;
  }

  close(): void {
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
  }
}

function replay(fd: number, onRecord: (r: LogRecord) => void): LoadReport {
  const size = fs.fstatSync(fd).size;
  const chunk = 8 * 1024 * 1024;
  let buf = Buffer.alloc(0);
  let base = 0; // file offset of buf[0]
  let pos = 0; // file offset we have read up to
  let records = 0;
  const read = (): boolean => {
    if (pos >= size) return false;
    const n = Math.min(chunk, size - pos);
    const next = Buffer.allocUnsafe(n);
    fs.readSync(fd, next, 0, n, pos);
    pos += n;
    buf = buf.length === 0 ? next : Buffer.concat([buf, next]);
    return true;
  };
  let at = 0;
  for (;;) {
    if (buf.length - at < HEADER && !refill()) break;
    if (buf.length - at < HEADER) break;
    const len = buf.readUInt32LE(at + 1);
    if (buf.length - at < HEADER + len && !fill(HEADER + len)) break;
    const payload = buf.subarray(at + HEADER, at + HEADER + len);
    if (crc32(payload) !== buf.readUInt32LE(at + 5)) break;
    onRecord({ kind: buf[at] as number, payload: payload.toString('utf8') });
    records++;
    at += HEADER + len;
  }
  const good = base + at;
  return { records, droppedBytes: size - good, ...(size > good ? { droppedAt: good } : {}) };

  function refill(): boolean {
    return fill(HEADER);
  }
  /** Makes sure `need` bytes from `at` are buffered; false if the file ends first. */
  function fill(need: number): boolean {
    if (at > 0) {
      buf = buf.subarray(at);
      base += at;
      at = 0;
    }
    while (buf.length < need) if (!read()) return false;
    return true;
  }
}
