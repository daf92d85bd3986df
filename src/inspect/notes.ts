// Build ids: ELF notes (Go's "Go" note type 4, GNU's NT_GNU_BUILD_ID type 3), and for PE
// and Mach-O the `\xff Go build ID: "..."\n \xff` text the Go linker writes at the start
// of the text, which cmd/internal/buildid looks for in the first 32 KiB.
import { FormatError } from './errors.ts';
import { block, u32, latin1OrUtf8 } from './fields.ts';
import type { ByteSource } from './source.ts';

export interface NoteIds {
  goBuildId: string | null;
  gnuBuildId: string | null;
}

const NT_GNU_BUILD_ID = 3, NT_GO_BUILD_ID = 4;

function pad(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function readNotes(src: ByteSource, ranges: Array<{ offset: number; size: number; align: number }>, le: boolean): Promise<NoteIds> {
  const ids: NoteIds = { goBuildId: null, gnuBuildId: null };
  for (const r of ranges) {
    const b = block(await src.read(r.offset, r.size, 'note segment'), r.offset, le);
    let at = 0;
    while (at + 12 <= r.size) {
      const namesz = u32(b, at, 'note header');
      const descsz = u32(b, at + 4, 'note header');
      const type = u32(b, at + 8, 'note header');
      const nameAt = at + 12;
      // Padding is to the note alignment from the start of the note (4, or 8 for PT_NOTE align 8).
      const descAt = at + pad(12 + namesz, r.align);
      const next = at + pad(descAt - at + descsz, r.align);
      if (descAt + descsz > r.size) {
        throw new FormatError(r.offset + at, `note of ${namesz}+${descsz} bytes overruns its ${r.size}-byte segment`);
      }
      const name = latin1OrUtf8(b.bytes.subarray(nameAt, nameAt + namesz)).replace(/\0+$/, '');
      const desc = b.bytes.subarray(descAt, descAt + descsz);
      if (name === 'Go' && type === NT_GO_BUILD_ID && ids.goBuildId === null) ids.goBuildId = latin1OrUtf8(desc);
      if (name === 'GNU' && type === NT_GNU_BUILD_ID && ids.gnuBuildId === null) ids.gnuBuildId = hex(desc);
      at = next;
    }
  }
  return ids;
}

const PREFIX = new TextEncoder().encode('\xff Go build ID: "'.replace('\xff', ''));
const END = '"\n \xff';

/** Go build id written as text near the start of PE and Mach-O files, or null. */
export async function goBuildIdFromText(src: ByteSource): Promise<string | null> {
  const head = await src.read(0, Math.min(src.size, 32 * 1024), 'file head');
  for (let i = head.indexOf(0xff); i >= 0 && i < head.length; i = head.indexOf(0xff, i + 1)) {
    if (!PREFIX.every((c, k) => head[i + 1 + k] === c)) continue;
    const start = i + 1 + PREFIX.length;
    const text = new TextDecoder('latin1').decode(head.subarray(start, Math.min(head.length, start + 1024)));
    const end = text.indexOf(END);
    if (end < 0) return null;
    // The id is a Go-quoted string; build ids are plain ASCII with no escapes.
    return text.slice(0, end);
  }
  return null;
}
