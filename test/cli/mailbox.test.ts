/**
 * Mailboxes on the command line: `check` per message at file lines, the
 * streaming reader against the in-memory splitter at every chunk size,
 * `split` / `join` byte-exact round trips (mboxo, mboxrd, mboxcl, CRLF, no
 * trailing empty line), and a mailbox larger than the CLI's heap checked in
 * bounded memory.
 */
import assert from 'node:assert/strict';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { readMailbox, type FileMessage } from '../../src/cli/mailboxFile';
import { LineIndex } from '../../src/cli/lineIndex';
import { splitMbox } from '../../src/mail/mbox/split';
import { CLI_PATH, runCli } from '../helpers/cli';

let dir: string;
let n = 0;
before(() => {
  assert.ok(existsSync(CLI_PATH), `${CLI_PATH} is missing: run node scripts/build.mjs (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'smtp-eml-mbox-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, `${n++}-${name}`);
  writeFileSync(p, content);
  return p;
}

const SEP = (i: number): string => `From user${i}@example.org ${['Thu', 'Fri', 'Sat'][i % 3]} Jan  ${(i % 3) + 1} 10:00:00 2026`;
const GOOD = (i: number): string[] => [
  `From: User ${i} <user${i}@example.org>`,
  'To: bob@example.com',
  `Subject: message ${i}`,
  `Date: ${['Thu', 'Fri', 'Sat'][i % 3]}, 0${(i % 3) + 1} Jan 2026 10:00:00 +0000`,
  `Message-ID: <${i}@example.org>`,
];

for (const eol of ['\n', '\r\n']) {
  const name = eol === '\n' ? 'LF' : 'CRLF';
  describe(`smtp-eml check on a mailbox (${name})`, () => {
    const lines = [
      SEP(0), ...GOOD(0), '', 'Hello', '>From the archive', '',
      SEP(1), ...GOOD(1).filter((l) => !l.startsWith('Date')), '', 'no date', '',
      SEP(2), ...GOOD(2), 'not a header line', '', 'x',
    ];
    const at = (needle: string, k = 0): number => lines.findIndex((l, i) => i >= k && l.startsWith(needle)) + 1;
    test('each message alone, problems at their lines in the file, a summary on stderr', async () => {
      const path = file('box.mbox', lines.join(eol));
      const r = await runCli(['check', path]);
      assert.equal(r.status, 1, r.stderr);
      const found = r.stdout.trim().split('\n').map((l) => l.slice(path.length + 1).split(' ').slice(0, 3).join(' '));
      assert.deepEqual(found, [`${at(SEP(1)) + 1}:1: error missing-date`, `${at('not a header')}:1: error header-syntax`]);
      assert.match(r.stderr, /3 messages, 2 with errors/);
      const json = JSON.parse((await runCli(['check', '--format', 'json', path])).stdout) as Array<Record<string, unknown>>;
      assert.deepEqual(json.map((e) => [e.mboxMessage, e.code, e.line]), [[2, 'missing-date', at(SEP(1)) + 1], [3, 'header-syntax', at('not a header')]]);
    });
  });
}

/** Reads `text` through the streaming reader with chunks of `chunkBytes`. */
async function streamed(text: string, chunkBytes: number): Promise<FileMessage[]> {
  const path = file('s.mbox', Buffer.from(text, 'utf8'));
  const out: FileMessage[] = [];
  await readMailbox(path, (m) => void out.push({ ...m, bytes: m.bytes && Buffer.from(m.bytes) }), { chunkBytes });
  return out;
}

describe('the streaming reader agrees with the in-memory splitter at every chunk size', () => {
  test('a Content-Length body with non-ASCII text, measured in octets, lands right before the next separator', async () => {
    // "سلام" is 4 characters and 8 octets: the 12 octets of the body are it, CRLF and the empty line.
    const text = [SEP(2), 'Content-Length: 12', '', 'سلام', '', SEP(0)].join('\r\n');
    const expected = splitMbox(text);
    assert.deepEqual(expected.map((m) => [m.end, m.framedByLength]), [[text.indexOf(SEP(0)), true], [text.length, false]]);
    for (const chunk of [1, 3, 40]) {
      const got = await streamed(text, chunk);
      assert.deepEqual(got.map((m) => m.message.end), [Buffer.byteLength(text.slice(0, text.indexOf(SEP(0)))), Buffer.byteLength(text)]);
    }
  });

  const piece = fc.constantFrom(
    SEP(0), SEP(1), 'Subject: x', 'Content-Length: 12', 'Content-Length: 0', '', '', 'body text', '>From quoted',
    'From here on', 'a\rlone CR', 'سلام', '', 'x',
  );
  test('offsets, editor line numbers (lone CR included) and bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (ls, eol, chunk, finalBreak) => {
        const text = [SEP(2), ...ls].join(eol) + (finalBreak ? eol : '');
        const bytes = Buffer.from(text, 'utf8');
        // The splitter on the text (it counts a Content-Length body in UTF-8 octets, as the file
        // reader counts the file's bytes), its offsets turned into byte offsets; the latin-1 view
        // of the bytes gives byte-indexed slices.
        const latin = bytes.toString('latin1');
        const byteAt = (i: number): number => Buffer.byteLength(text.slice(0, i), 'utf8');
        const expected = splitMbox(text).map((m) => ({ offset: byteAt(m.offset), headerOffset: byteAt(m.headerOffset), end: byteAt(m.end) }));
        const index = new LineIndex(text);
        const got = await streamed(text, chunk);
        assert.equal(got.length, expected.length);
        for (let i = 0; i < got.length; i++) {
          const e = expected[i];
          assert.deepEqual([got[i].message.offset, got[i].message.headerOffset, got[i].message.end], [e.offset, e.headerOffset, e.end]);
          assert.equal(got[i].bytes!.toString('latin1'), latin.slice(e.headerOffset, e.end));
          const headerText = Buffer.from(latin.slice(0, e.headerOffset), 'latin1').toString('utf8');
          assert.equal(got[i].headerLine, index.positionAt(headerText.length).line - 1, `message ${i} of ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('split and join', () => {
  const cases: Array<{ name: string; text: string }> = [];
  for (const eol of ['\n', '\r\n']) {
    const j = (...l: string[]): string => l.join(eol);
    const tag = eol === '\n' ? 'LF' : 'CRLF';
    cases.push(
      { name: `mboxrd with quoted bodies, trailing empty line (${tag})`, text: j(SEP(0), ...GOOD(0), '', '>From the past', '>>From further', '', SEP(1), ...GOOD(1), '', 'b', '', '') },
      { name: `last message without a trailing empty line (${tag})`, text: j(SEP(0), ...GOOD(0), '', 'a', '', SEP(1), ...GOOD(1), '', 'b', '') },
      { name: `no final line break (${tag})`, text: j(SEP(0), ...GOOD(0), '', 'a', '', SEP(1), 'Subject: x', '', 'last') },
      { name: `mboxcl Content-Length around a separator-like body line (${tag})`, text: j(SEP(0), 'Content-Length: ' + Buffer.byteLength(j('x', '', '>' + SEP(2), 'y', '')), '', 'x', '', '>' + SEP(2), 'y', '', SEP(1), '', 'b', '') },
      { name: `empty bodies and a separator right after a header section (${tag})`, text: j(SEP(0), 'Subject: a', '', SEP(1), 'Subject: b', '', SEP(2), '') },
    );
  }
  for (const c of cases) {
    test(`round trip is byte-exact: ${c.name}`, async () => {
      const box = file('in.mbox', c.text);
      const out = join(dir, `parts-${n++}`);
      const s = await runCli(['split', box, '--out', out]);
      assert.equal(s.status, 0, s.stderr);
      const names = readdirSync(out).sort();
      assert.equal(names.length, splitMbox(c.text).length);
      assert.match(names[0], /^0001\.eml$/);
      const first = readFileSync(join(out, names[0]), 'utf8');
      if (c.text.includes('>From the past')) assert.match(first, /\nFrom the past\r?\n>From further\r?\n/, 'one level of quoting is undone');
      const back = join(dir, `back-${n++}.mbox`);
      const r = await runCli(['join', out, '--out', back]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(back).toString('latin1'), Buffer.from(c.text).toString('latin1'));
    });
  }

  test('split undoes mboxrd quoting in each .eml; --strip-envelope leaves the separator out', async () => {
    const box = file('q.mbox', [SEP(0), 'Subject: a', '', '>From x', '>>From y', '', SEP(1), 'Subject: b', '', 'b', ''].join('\n'));
    const out = join(dir, `parts-${n++}`);
    assert.equal((await runCli(['split', box, '--out', out, '--strip-envelope'])).status, 0);
    assert.equal(readFileSync(join(out, '0001.eml'), 'utf8'), 'Subject: a\n\nFrom x\n>From y\n');
    assert.equal(readFileSync(join(out, '0002.eml'), 'utf8'), 'Subject: b\n\nb\n');
  });

  test('join of plain .eml files: separators from Return-Path / From and Date, bodies quoted, split gives the files back', async () => {
    const src = join(dir, `plain-${n++}`);
    const a = ['Return-Path: <bounce@example.net>', ...GOOD(1), '', 'From the start of a line', '>From quoted', ''].join('\r\n');
    const b = [...GOOD(2), '', 'last'].join('\n');
    rmSync(src, { recursive: true, force: true });
    mkdirSync(src);
    writeFileSync(join(src, 'a.eml'), a);
    writeFileSync(join(src, 'b.eml'), b);
    const box = join(dir, `joined-${n++}.mbox`);
    assert.equal((await runCli(['join', src, '--out', box])).status, 0);
    const text = readFileSync(box, 'utf8');
    assert.ok(text.startsWith('From bounce@example.net Fri Jan  2 10:00:00 2026\r\n'), text.slice(0, 80));
    assert.match(text, /\r\n>From the start of a line\r\n>>From quoted\r\n\r\nFrom user2@example\.org Sat Jan {2}3 10:00:00 2026\n/);
    const check = await runCli(['check', box]);
    assert.equal(check.status, 0, check.stdout);
    assert.match(check.stderr, /2 messages, 0 with errors/);
    const out = join(dir, `parts-${n++}`);
    assert.equal((await runCli(['split', box, '--out', out, '--strip-envelope'])).status, 0);
    assert.equal(readFileSync(join(out, '0001.eml'), 'utf8'), a);
    assert.equal(readFileSync(join(out, '0002.eml'), 'utf8'), b);
  });

  test('nothing is overwritten; a file that is not a mailbox is refused with a reason', async () => {
    const box = file('o.mbox', [SEP(0), 'Subject: a', '', 'x', ''].join('\n'));
    const out = join(dir, `parts-${n++}`);
    assert.equal((await runCli(['split', box, '--out', out])).status, 0);
    const again = await runCli(['split', box, '--out', out]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /0001\.eml exists/);
    const joined = await runCli(['join', out, '--out', box]);
    assert.equal(joined.status, 1);
    assert.match(joined.stderr, /exists \(use --force/);
    assert.equal((await runCli(['join', out, '--out', box, '--force'])).status, 0);
    const plain = await runCli(['split', file('p.eml', 'Subject: x\n\nbody\n'), '--out', join(dir, `parts-${n++}`)]);
    assert.equal(plain.status, 1);
    assert.match(plain.stderr, /not a mailbox/);
    assert.equal((await runCli(['split', box])).status, 2);
  });
});

describe('a mailbox larger than the heap', () => {
  test('check streams it (the CLI runs with a 48 MB heap; the file is 120 MB)', async () => {
    const path = join(dir, 'big.mbox');
    const one = Buffer.from([SEP(0), ...GOOD(0), '', ...Array.from({ length: 40 }, (_, i) => `line ${i} of a body that is long enough to matter in a test`), '', ''].join('\n'));
    const count = Math.ceil((120 * 1024 * 1024) / one.length);
    await new Promise<void>((done, fail) => {
      const w = createWriteStream(path);
      w.on('error', fail);
      let i = 0;
      const write = (): void => {
        while (i < count) {
          i++;
          if (!w.write(one)) return void w.once('drain', write);
        }
        w.end(done);
      };
      write();
    });
    const r = await runCli(['check', path], { env: { NODE_OPTIONS: '--max-old-space-size=48' }, hangMs: 600_000 });
    rmSync(path);
    assert.equal(r.status, 0, r.stderr.slice(0, 2000));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`${count} messages, 0 with errors`));
  });
});
