/**
 * Writes .zip archives for tests (hostile .docx/.xlsx): deflated entries streamed from repeated
 * pieces, so a file that expands to hundreds of megabytes is built without holding them, and an
 * entry may lie about its size in the headers the way a crafted bomb does.
 */
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  /** The entry's content, as pieces written one after another (a piece may repeat). */
  pieces: Iterable<string | Buffer>;
  /** The uncompressed size written in the headers instead of the real one (a lying bomb). */
  declaredSize?: number;
}

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  compressed: Buffer;
  offset: number;
}

async function deflate(pieces: Iterable<string | Buffer>): Promise<Omit<Written, 'name' | 'offset'>> {
  if (Array.isArray(pieces) && pieces.length === 1) {
    // One small piece (most parts of a package): a stream per entry would make 10k entries slow.
    const bytes = Buffer.from(pieces[0]);
    return { crc: crc32(bytes), size: bytes.length, compressed: deflateRawSync(bytes) };
  }
  const deflater = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await done;
  return { crc, size, compressed: Buffer.concat(out) };
}

function localHeader(entry: Written, declared: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6); // UTF-8 names
  header.writeUInt16LE(8, 8); // deflate
  header.writeUInt32LE(entry.crc >>> 0, 14);
  header.writeUInt32LE(entry.compressed.length, 18);
  header.writeUInt32LE(declared, 22);
  header.writeUInt16LE(entry.name.length, 26);
  return Buffer.concat([header, entry.name]);
}

function centralHeader(entry: Written, declared: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x0800, 8);
  header.writeUInt16LE(8, 10);
  header.writeUInt32LE(entry.crc >>> 0, 16);
  header.writeUInt32LE(entry.compressed.length, 20);
  header.writeUInt32LE(declared, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

/**
 * A zip archive of the given entries (deflated, UTF-8 names, no ZIP64: every size under 4 GB).
 * @example await zipArchive([{ name: 'a.txt', pieces: ['hello'] }])
 */
export async function zipArchive(specs: ZipEntrySpec[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const entry: Written = { name: Buffer.from(spec.name), offset, ...(await deflate(spec.pieces)) };
    const declared = spec.declaredSize ?? entry.size;
    const local = localHeader(entry, declared);
    parts.push(local, entry.compressed);
    offset += local.length + entry.compressed.length;
    central.push(centralHeader(entry, declared));
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** `piece` repeated `times` times, lazily, in blocks of about a megabyte (few writes to the deflater). */
export function* repeat(piece: string | Buffer, times: number): Generator<Buffer> {
  const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
  const perBlock = Math.max(1, Math.floor(1_048_576 / bytes.length));
  const block = Buffer.concat(Array.from({ length: Math.min(perBlock, times) }, () => bytes));
  let left = times;
  while (left >= perBlock) {
    yield block;
    left -= perBlock;
  }
  if (left > 0) yield block.subarray(0, left * bytes.length);
}
