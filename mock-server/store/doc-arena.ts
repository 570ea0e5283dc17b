/**
 * Off-heap storage for raw documents: large Buffers ("slabs") filled front to back, a document
 * addressed by one number. Why: a million traces as JS strings are a million-plus heap objects
 * that every major GC walks, and V8's heap is capped near 4 GB; slab bytes live outside the heap,
 * so the GC sees one object per slab and the cap doesn't apply.
 *
 * A ref packs slab index and byte offset (ref = slab * SLAB + offset); the length is kept
 * beside it. Replaced or expired documents leave dead bytes; `compact()` copies the live ones
 * into fresh slabs when the dead share grows.
 */
const SLAB = 32 * 1024 * 1024;
const MAX_DOC = SLAB;

export interface DocRef {
  ref: number;
  len: number;
}

export class DocArena {
  private slabs: Buffer[] = [];
  private offset = SLAB; // forces a new slab on first write
  private liveBytes = 0;

  /** Bytes held in slabs, dead or alive. */
  get allocatedBytes(): number {
    return this.slabs.length === 0 ? 0 : (this.slabs.length - 1) * SLAB + this.offset;
  }

  get deadBytes(): number {
    return this.allocatedBytes - this.liveBytes;
  }

  /** Stores the UTF-8 bytes of `text`. */
  put(text: string): DocRef {
    const len = Buffer.byteLength(text, 'utf8');
    if (len > MAX_DOC) throw new Error(`document of ${len} bytes does not fit the arena`);
    if (this.offset + len > SLAB) {
      this.slabs.push(Buffer.allocUnsafeSlow(SLAB));
      this.offset = 0;
    }
    const slab = this.slabs.length - 1;
    (this.slabs[slab] as Buffer).write(text, this.offset, len, 'utf8');
    const ref = slab * SLAB + this.offset;
    this.offset += len;
    this.liveBytes += len;
    return { ref, len };
  }

  /** Stores bytes already encoded elsewhere (the log's write buffer): a copy, no re-encoding. */
  putEncoded(src: Buffer, start: number, len: number): DocRef {
    if (len > MAX_DOC) throw new Error(`document of ${len} bytes does not fit the arena`);
    if (this.offset + len > SLAB) {
      this.slabs.push(Buffer.allocUnsafeSlow(SLAB));
      this.offset = 0;
    }
    const slab = this.slabs.length - 1;
    src.copy(this.slabs[slab] as Buffer, this.offset, start, start + len);
    const ref = slab * SLAB + this.offset;
    this.offset += len;
    this.liveBytes += len;
    return { ref, len };
  }

  get(ref: number, len: number): string {
    const slab = Math.floor(ref / SLAB);
    const at = ref - slab * SLAB;
    return (this.slabs[slab] as Buffer).toString('utf8', at, at + len);
  }

  /** Marks a stored document dead (its bytes are reclaimed by the next compaction). */
  free(len: number): void {
    this.liveBytes -= len;
  }

  /**
   * Copies every live document (listed by `each`, which hands out refs and takes the new ones)
   * into new slabs and drops the old ones.
   */
  compact(each: (move: (ref: number, len: number) => number) => void): void {
    const fresh = new DocArena();
    each((ref, len) => fresh.putBytes(this, ref, len));
    this.slabs = fresh.slabs;
    this.offset = fresh.offset;
    this.liveBytes = fresh.liveBytes;
  }

  private putBytes(from: DocArena, ref: number, len: number): number {
    if (this.offset + len > SLAB) {
      this.slabs.push(Buffer.allocUnsafeSlow(SLAB));
      this.offset = 0;
    }
    const slab = this.slabs.length - 1;
    const src = Math.floor(ref / SLAB);
    const at = ref - src * SLAB;
    (from.slabs[src] as Buffer).copy(this.slabs[slab] as Buffer, this.offset, at, at + len);
    const out = slab * SLAB + this.offset;
    this.offset += len;
    this.liveBytes += len;
    return out;
  }
}
