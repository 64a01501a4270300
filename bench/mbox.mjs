// The mailbox bench input and its measurement: a generated mbox (plain and
// multipart messages with base64 attachments and mboxrd-quoted ">From " lines)
// checked by the CLI (`smtp-eml check FILE.mbox`) in a child process that
// reports its own peak RSS when it exits (bench/rss-on-exit.cjs).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRandom as random } from './generate.mjs';

const DAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'];

/** One message of the mailbox (separator line included, separating empty line after). */
function message(i, rand) {
  const day = (i % 28) + 1;
  const weekday = DAYS[(day - 1) % 7]; // January 2026 starts on a Thursday
  const dd = String(day).padStart(2, '0');
  const head = [
    `From sender${i % 97}@example.org ${weekday} Jan ${String(day).padStart(2, ' ')} 10:00:00 2026`,
    `From: Sender ${i % 97} <sender${i % 97}@example.org>`,
    'To: archive@example.com',
    `Subject: message ${i} of the archive`,
    `Date: ${weekday}, ${dd} Jan 2026 10:00:00 +0000`,
    `Message-ID: <${i}.bench@example.org>`,
    'MIME-Version: 1.0',
  ];
  const text = [];
  const lines = 10 + Math.floor(rand() * 60);
  for (let k = 0; k < lines; k++) text.push(k % 17 === 5 ? '>From an earlier message, quoted in mboxrd style' : `Line ${k} of message ${i}: the quick brown fox jumps over the lazy dog.`);
  if (i % 4 !== 0) return [...head, 'Content-Type: text/plain; charset=utf-8', '', ...text, '', ''].join('\n');
  const size = 2000 + Math.floor(rand() * 30000);
  const bytes = Buffer.alloc(size);
  for (let k = 0; k < size; k++) bytes[k] = Math.floor(rand() * 256);
  const b64 = bytes.toString('base64').match(/.{1,76}/g);
  return [
    ...head,
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    ...text,
    '--b',
    'Content-Type: application/octet-stream; name="data.bin"',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="data.bin"',
    '',
    ...b64,
    '--b--',
    '',
    '',
  ].join('\n');
}

/** Writes (once) an mbox of about `bytes` bytes; returns its path and message count. */
export function generateMbox(dir, bytes) {
  const file = path.join(dir, `archive-${Math.round(bytes / 1024 / 1024)}m.mbox`);
  const countFile = `${file}.count`;
  if (fs.existsSync(file) && fs.existsSync(countFile)) return { file, messages: Number(fs.readFileSync(countFile, 'utf8')), bytes: fs.statSync(file).size };
  fs.mkdirSync(dir, { recursive: true });
  const fd = fs.openSync(file, 'w');
  const rand = random(20);
  let written = 0;
  let i = 0;
  let pending = [];
  let pendingBytes = 0;
  while (written + pendingBytes < bytes) {
    const m = Buffer.from(message(i++, rand));
    pending.push(m);
    pendingBytes += m.length;
    if (pendingBytes > 4 * 1024 * 1024) {
      fs.writeSync(fd, Buffer.concat(pending));
      written += pendingBytes;
      pending = [];
      pendingBytes = 0;
    }
  }
  fs.writeSync(fd, Buffer.concat(pending));
  fs.closeSync(fd);
  fs.writeFileSync(countFile, String(i));
  return { file, messages: i, bytes: fs.statSync(file).size };
}

/**
 * Reads `file` once, untimed, so that it is in the page cache: the row measures
 * the CLI's own work, not the disk (a cold 50 MB read on this machine's
 * virtual disk took up to 6 s, eight times the check itself).
 */
function warmPageCache(file) {
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
  try {
    while (fs.readSync(fd, chunk, 0, chunk.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

/** Checks the mailbox with the CLI (file in the page cache): wall time, MB/s, peak RSS, messages found. */
export function measureMboxCheck(root, input) {
  warmPageCache(input.file);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', path.join(root, 'bench', 'rss-on-exit.cjs'), path.join(root, 'dist', 'cli.js'), 'check', input.file], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 900_000,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /"maxRssBytes":(\d+)/.exec(r.stderr ?? '');
  const found = /(\d+) messages?, (\d+) with errors/.exec(r.stderr ?? '');
  if (r.error || !rss || !found) return { error: (r.error?.message ?? r.stderr ?? 'no output').split('\n').slice(-3).join(' ').slice(0, 200) };
  return { ms, peakRss: Number(rss[1]), messages: Number(found[1]), withErrors: Number(found[2]), problems: r.stdout.split('\n').filter(Boolean).length };
}
