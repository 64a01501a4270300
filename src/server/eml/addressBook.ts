/**
 * Addresses to complete after To:, Cc:, From: and the other address fields: those
 * already used in this message, in the other open messages, and in the `.eml`
 * files of the workspace folders. The workspace is read lazily on the first
 * address completion, with bounds on files, bytes and addresses (a huge folder
 * costs one bounded scan), and read again when the last scan is older than a minute.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mailboxesOf, parseAddressList } from '../../mail/message/address';
import { topHeaderEnd } from './generate';
import { isAddressField, lookupField } from '../../mail/message/fieldCatalog';

/** Most files read per scan, bytes read per file, addresses kept, folder depth walked. */
export const ADDRESS_BOOK_LIMITS = { files: 500, bytesPerFile: 16 * 1024, addresses: 2000, depth: 8 } as const;

const RESCAN_AFTER_MS = 60_000;

/** `Name <addr>` (or the bare address) of every mailbox in the top header's address fields, in order, without repeats. */
export function addressesInHeader(text: string): string[] {
  const header = text.slice(0, topHeaderEnd(text));
  const out = new Set<string>();
  // One field per unfolded line group (RFC 5322 §2.2.3).
  const field = /^([!-9;-~]+)[ \t]*:((?:.*)(?:\r?\n[ \t].*)*)/gm;
  let m: RegExpExecArray | null;
  while ((m = field.exec(header))) {
    if (!isAddressField(lookupField(m[1]!))) continue;
    const value = m[2]!.replace(/\r?\n(?=[ \t])/g, '');
    for (const box of mailboxesOf(parseAddressList(value, 0).items)) {
      if (!/^[^@\s]+@[^@\s]+$/.test(box.address)) continue;
      const name = box.displayName?.trim();
      out.add(name ? `${/[(),.:;<>@[\]"\\]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : name} <${box.address}>` : box.address);
    }
  }
  return [...out];
}

/** The addresses of the workspace's `.eml` files (read lazily, bounded, refreshed after a minute). */
export class WorkspaceAddressBook {
  private cache: { at: number; addresses: string[] } | undefined;

  constructor(private readonly folders: () => readonly string[]) {}

  addresses(now = Date.now()): string[] {
    if (!this.cache || now - this.cache.at > RESCAN_AFTER_MS) this.cache = { at: now, addresses: this.scan() };
    return this.cache.addresses;
  }

  private scan(): string[] {
    const found = new Set<string>();
    let files = 0;
    const visit = (dir: string, depth: number): void => {
      if (depth > ADDRESS_BOOK_LIMITS.depth || files >= ADDRESS_BOOK_LIMITS.files || found.size >= ADDRESS_BOOK_LIMITS.addresses) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (files >= ADDRESS_BOOK_LIMITS.files || found.size >= ADDRESS_BOOK_LIMITS.addresses) return;
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) visit(full, depth + 1);
        else if (e.isFile() && /\.eml$/i.test(e.name)) {
          files++;
          for (const a of addressesInHeader(readHead(full))) found.add(a);
        }
      }
    };
    for (const folder of this.folders()) visit(folder, 0);
    return [...found].slice(0, ADDRESS_BOOK_LIMITS.addresses);
  }
}

function readHead(file: string): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(ADDRESS_BOOK_LIMITS.bytesPerFile);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
