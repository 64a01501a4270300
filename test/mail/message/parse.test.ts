/**
 * The parser: offsets against stalwart-mail-parser's recorded part trees,
 * deep nesting without stack overflow, line-end styles, RFC 2231 parameters,
 * and linear work (counted in parser steps, never timed).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseMessage } from '../../../src/mail/message/parse';
import { validateMessage } from '../../../src/mail/message/validate';
import { walkParts, type MimePart } from '../../../src/mail/message/model';
import fc from 'fast-check';

const corpus = join(__dirname, '../../../..', '..', 'shared', 'corpus', 'eml');
const stalwart = join(corpus, 'stalwart-mail-parser');

interface StalwartPart {
  headers: Array<{ name: string; offset_field: number; offset_start: number }>;
  body: Record<string, unknown>;
  offset_header: number;
  offset_body: number;
  offset_end: number;
}

/**
 * Files whose tree we do not expect to match, with the reason. (The malformed
 * folder is Dovecot's torture set, where every parser guesses differently.)
 */
const SKIP: Record<string, string> = {
  'thirdparty/005.eml': 'stalwart ends the last part at "--1--" in the middle of the line "invalid--1--"; RFC 2046 delimiters start a line',
  'thirdparty/015.eml': 'broken embedded message with unindented Received continuation lines; the trees differ after the header-syntax fault',
};

/** Compares our tree with stalwart's: part offsets, header offsets, and the shape. Returns differences. */
function compareWithStalwart(text: string, parts: StalwartPart[]): string[] {
  const parsed = parseMessage(text);
  const diffs: string[] = [];
  const queue: Array<[number, MimePart]> = [[0, parsed.root]];
  while (queue.length) {
    const [index, part] = queue.shift()!;
    const sp = parts[index];
    const name = part.path || 'root';
    if (part.offset !== sp.offset_header) diffs.push(`${name} offset ${part.offset} != ${sp.offset_header}`);
    // An empty body whose blank separator line is also the next delimiter's leading line break:
    // RFC 2046 §5.1.1 gives that line break to the delimiter, so our empty body sits before it;
    // stalwart puts it after. Same meaning, offsets differ by the line break.
    const lineBreak = text.startsWith('\r\n', part.bodyOffset) ? 2 : 1;
    const sharedBreak = part.bodyOffset === part.bodyEnd && sp.offset_body === sp.offset_end && sp.offset_body - part.bodyOffset === lineBreak;
    if (part.bodyOffset !== sp.offset_body && !sharedBreak) diffs.push(`${name} bodyOffset ${part.bodyOffset} != ${sp.offset_body}`);
    if (part.bodyEnd !== sp.offset_end && !sharedBreak) diffs.push(`${name} bodyEnd ${part.bodyEnd} != ${sp.offset_end}`);
    const mine = part.headers.map((h) => [h.offset, h.valueOffset]);
    const theirs = sp.headers.map((h) => [h.offset_field, h.offset_start]);
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) diffs.push(`${name} headers ${JSON.stringify(mine)} != ${JSON.stringify(theirs)}`);
    const kind = Object.keys(sp.body)[0];
    if (kind === 'Multipart') {
      const kids = sp.body.Multipart as number[];
      if (kids.length !== part.children.length) diffs.push(`${name} has ${part.children.length} children, stalwart ${kids.length}`);
      else kids.forEach((k, n) => queue.push([k, part.children[n]]));
    } else if (part.children.length) diffs.push(`${name} has children, stalwart says ${kind}`);
  }
  return diffs;
}

describe('parser offsets agree with stalwart-mail-parser', () => {
  for (const dir of ['rfc', 'thirdparty']) {
    for (const file of readdirSync(join(stalwart, dir)).filter((n) => n.endsWith('.eml'))) {
      const rel = `${dir}/${file}`;
      if (SKIP[rel]) continue;
      // stalwart's NNN.json is for the file with LF line ends, NNN.crlf.json for CRLF.
      for (const mode of ['lf', 'crlf'] as const) {
        it(`${rel} (${mode})`, () => {
          let text = readFileSync(join(stalwart, dir, file), 'latin1').replace(/\r\n/g, '\n');
          if (mode === 'crlf') text = text.replace(/\n/g, '\r\n');
          const expected = JSON.parse(readFileSync(join(stalwart, dir, file.replace('.eml', mode === 'lf' ? '.json' : '.crlf.json')), 'utf8')) as { parts: StalwartPart[] };
          assert.deepEqual(compareWithStalwart(text, expected.parts), []);
        });
      }
    }
  }
});

/** A multipart nested `depth` levels deep, each level one part. */
function nestedMultipart(depth: number, eol = '\n'): string {
  const out: string[] = [];
  for (let i = 0; i < depth; i++) out.push(`Content-Type: multipart/mixed; boundary=b${i}x${eol}${eol}--b${i}x${eol}`);
  out.push(`Content-Type: text/plain${eol}${eol}innermost${eol}`);
  for (let i = depth - 1; i >= 0; i--) out.push(`--b${i}x--${eol}`);
  return out.join('');
}

/** message/rfc822 nested `depth` levels deep. */
function nestedMessages(depth: number): string {
  return 'Content-Type: message/rfc822\n\n'.repeat(depth) + 'Subject: innermost\n\nbody\n';
}

function deepest(root: MimePart): MimePart {
  let best = root;
  walkParts(root, (p) => {
    if (p.depth > best.depth) best = p;
  });
  return best;
}

describe('deep nesting: explicit stack, no recursion', () => {
  for (const depth of [1000, 10000]) {
    it(`${depth}-deep multipart parses fully with maxDepth above it`, () => {
      const text = nestedMultipart(depth);
      const parsed = parseMessage(text, { maxDepth: depth + 1 });
      const inner = deepest(parsed.root);
      assert.equal(inner.depth, depth);
      assert.equal(text.slice(inner.bodyOffset, inner.bodyEnd), 'innermost');
      assert.deepEqual(parsed.problems, []);
    });
    it(`${depth}-deep message/rfc822 parses fully with maxDepth above it`, () => {
      const parsed = parseMessage(nestedMessages(depth), { maxDepth: depth + 1 });
      const inner = deepest(parsed.root);
      assert.equal(inner.depth, depth);
      assert.equal(inner.headers[0].value, 'innermost');
    });
    it(`${depth}-deep multipart with the default limit reports nesting-too-deep once and validates`, () => {
      const problems = validateMessage(nestedMultipart(depth));
      assert.equal(problems.filter((p) => p.code === 'nesting-too-deep').length, 1);
      assert.equal(problems.filter((p) => p.severity === 'error' && !/^missing-/.test(p.code)).length, 0);
    });
  }
  it('validates a 10000-deep tree when the limit allows it (iterative walk)', () => {
    const problems = validateMessage(nestedMultipart(10000), { maxDepth: 20000 });
    assert.equal(problems.filter((p) => p.code === 'nesting-too-deep').length, 0);
  });
});

describe('linear work (parser steps, not clocks)', () => {
  const ratio = (make: (n: number) => string, n: number): number => parseMessage(make(2 * n), { maxDepth: 1e6 }).steps / parseMessage(make(n), { maxDepth: 1e6 }).steps;
  it('nesting depth', () => {
    assert.ok(ratio(nestedMultipart, 2000) < 2.2);
  });
  it('many parts', () => {
    const many = (n: number): string => 'Content-Type: multipart/mixed; boundary=x\n\n' + '--x\nContent-Type: text/plain\n\nhi\n'.repeat(n) + '--x--\n';
    assert.ok(ratio(many, 5000) < 2.2);
  });
  it('many folded header lines', () => {
    const folded = (n: number): string => 'Subject: a\n' + ' b\n'.repeat(n) + '\nbody\n';
    assert.ok(ratio(folded, 20000) < 2.2);
  });
  it('a 5 MB base64 attachment costs a handful of steps (body lines are skipped)', () => {
    const b64 = Buffer.alloc(3_900_000, 7).toString('base64').replace(/.{76}/g, '$&\n');
    const text = `Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Transfer-Encoding: base64\n\n${b64}\n--x--\n`;
    const parsed = parseMessage(text);
    assert.ok(parsed.steps < 100, `steps ${parsed.steps}`);
    assert.equal(parsed.root.children[0].bodyEnd, text.length - '\n--x--\n'.length);
    assert.deepEqual(validateMessage(text).filter((p) => p.code.startsWith('base64')), []);
  });
});

describe('delimiter lines among lines with dashes', () => {
  it('every line that starts with the boundary is found, whatever dashes the lines before it hold (fast-check)', () => {
    const lines = fc.array(fc.constantFrom('text', 'a--b', 'x--', '---', '--', '- -', '-', '--x', '', 'QUJD', '----------', '--b', '--bfoo', '--b--'), { maxLength: 40 });
    fc.assert(
      fc.property(lines, fc.constantFrom('\n', '\r\n'), (body, eol) => {
        const head = `Content-Type: multipart/mixed; boundary=b${eol}${eol}`;
        const text = head + body.join(eol) + eol;
        // RFC 2046 §5.1.1: a line that starts with "--b" is a delimiter (more may follow); "--b--" closes.
        const expected: number[] = [];
        let at = head.length;
        for (const line of body) {
          if (line.startsWith('--b')) {
            expected.push(at);
            if (line.startsWith('--b--')) break;
          }
          at += line.length + eol.length;
        }
        assert.deepEqual(
          parseMessage(text).root.boundaryLines.map((l) => l.offset),
          expected,
          JSON.stringify(body),
        );
      }),
      { numRuns: 1000 },
    );
  });
  it('lines with dashes inside a body are skipped, not read one by one as candidate delimiters', () => {
    const dashes = (n: number): string => 'Content-Type: multipart/mixed; boundary=b\n\n--b\n\n' + 'a--b ---- --\n'.repeat(n) + '-'.repeat(n) + '\n--b--\n';
    const parsed = parseMessage(dashes(20000));
    assert.ok(parsed.steps < 20, `steps ${parsed.steps}`);
    assert.equal(parsed.root.boundaryLines.length, 2);
  });
});

describe('line ends', () => {
  const lf = 'From: a@example.com\nSubject: one\n two\n\nbody\n';
  it('LF, CRLF and mixed give the same structure', () => {
    for (const text of [lf, lf.replace(/\n/g, '\r\n'), 'From: a@example.com\r\nSubject: one\n two\r\n\nbody\n']) {
      const p = parseMessage(text);
      assert.equal(p.root.headers.length, 2);
      assert.equal(p.root.headers[1].value, 'one two');
      assert.equal(p.root.headers[1].lines.length, 2);
      assert.equal(text.slice(p.root.bodyOffset).trimEnd(), 'body');
      assert.equal(text.slice(p.root.headers[1].offset, p.root.headers[1].end), text.includes('\r\n two') ? 'Subject: one\r\n two' : 'Subject: one\n two');
    }
    assert.equal(parseMessage(lf).eol, '\n');
    assert.equal(parseMessage(lf.replace(/\n/g, '\r\n')).eol, '\r\n');
  });
  it('a delimiter owns the line break before it (RFC 2046 §5.1.1)', () => {
    const text = 'Content-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\n\r\nA\r\n--q\nContent-Type: text/html\n\nB\n--q--\r\n';
    const p = parseMessage(text);
    assert.equal(p.root.children.length, 2);
    assert.equal(text.slice(p.root.children[0].bodyOffset, p.root.children[0].bodyEnd), 'A');
    assert.equal(text.slice(p.root.children[1].bodyOffset, p.root.children[1].bodyEnd), 'B');
    assert.equal(p.root.children[1].contentType.subtype, 'html');
    assert.deepEqual(p.root.boundaryLines.map((b) => [text.slice(b.offset, b.offset + b.length), b.close]), [['--q', false], ['--q', false], ['--q--', true]]);
  });
});

describe('header and content details', () => {
  it('RFC 2231 continuations with charset and language', () => {
    const text = "Content-Type: application/pdf;\n name*0*=utf-8'en'caf%C3%A9;\n name*1=\" menu\";\n name*2*=%2Epdf\nContent-Disposition: attachment; filename*=iso-8859-1''%E9t%E9.txt\n\nx";
    const p = parseMessage(text);
    assert.equal(p.root.contentType.params.name, 'café menu.pdf');
    assert.equal(p.root.filename, 'été.txt');
    assert.equal(p.root.disposition, 'attachment');
    assert.deepEqual(p.problems, []);
  });
  it('quoted parameters with escapes and comments', () => {
    const p = parseMessage('Content-Type: text/plain (a comment); charset="us\\-ascii"; format=flowed\n\nx');
    assert.deepEqual({ ...p.root.contentType.params }, { charset: 'us-ascii', format: 'flowed' });
    assert.equal(p.root.charset, 'us-ascii');
  });
  it('header field offsets', () => {
    const text = 'Subject : hi\nX-A:b\n\n';
    const [a, b] = parseMessage(text).root.headers;
    assert.deepEqual([a.name, a.nameOffset, a.nameLength, a.colonOffset, a.valueOffset, a.end], ['Subject', 0, 7, 8, 9, 12]);
    assert.deepEqual([b.name, b.value, b.offset, b.valueOffset], ['X-A', 'b', 13, 17]);
  });
  it('defaults: text/plain us-ascii 7bit; message/rfc822 inside multipart/digest', () => {
    const p = parseMessage('Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: inner\n\nbody\n--d--\n');
    assert.equal(p.root.contentType.explicit, true);
    const child = p.root.children[0];
    assert.deepEqual([child.contentType.type, child.contentType.subtype, child.contentType.explicit], ['message', 'rfc822', false]);
    assert.equal(child.embedded?.headers[0].value, 'inner');
    const plain = parseMessage('Subject: x\n\nbody');
    assert.deepEqual([plain.root.contentType.type, plain.root.contentType.params.charset, plain.root.transferEncoding], ['text', 'us-ascii', '7bit']);
  });
  it('an empty message/rfc822 part right before the delimiter stays inside its parent (mailparser decoderended.eml)', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Type: message/rfc822', '', '--b--', ''].join(eol);
      const part = parseMessage(text).root.children[0];
      const inner = part.embedded!;
      assert.ok(inner, 'the embedded message exists');
      assert.equal(part.bodyOffset, part.end);
      assert.deepEqual([inner.offset, inner.end], [part.bodyOffset, part.bodyOffset], JSON.stringify(eol));
    }
  });
  it('an mbox "From " line before the headers is skipped', () => {
    const p = parseMessage('From someone@example.com Fri Nov 27 10:00:00 2026\nSubject: x\n\nbody');
    assert.equal(p.root.headers[0].name, 'Subject');
    assert.equal(p.problems.length, 0);
  });
  it('part parent links are not enumerable (no JSON cycles)', () => {
    const p = parseMessage(nestedMultipart(3));
    assert.doesNotThrow(() => JSON.stringify(p.root));
    assert.equal(deepest(p.root).parent?.depth, 2);
  });
  it('never throws on hostile input', () => {
    const inputs = ['', '\n', '\r', ':', ' ', '--', '\0'.repeat(10), 'Content-Type: multipart/mixed; boundary=""\n\n----\n', 'Content-Type: multipart/x; boundary=a\n\n--a\n--a\n--a--\n--a\n', 'a: (((((\n', 'a: "\\', 'To: <<<>>>,,,;;;@@@'];
    for (const text of inputs) assert.doesNotThrow(() => validateMessage(text), JSON.stringify(text));
  });
});

describe('fuzz: any mix of mail-shaped pieces', () => {
  const pieces = [
    'From: a@b.c', 'To: "x" <y@z>', 'Subject: =?UTF-8?B?YQ==?=', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Content-Type: multipart/mixed; boundary=b',
    'Content-Type: multipart/alternative; boundary="b2"', 'Content-Type: message/rfc822', 'Content-Transfer-Encoding: base64',
    'Content-Transfer-Encoding: quoted-printable', '--b', '--b--', '--b2', '--b2--', '', ' folded', 'QUJD', 'a=ZZ', 'é', '\r', '\0',
    'name*0*=utf-8\'\'%E9', 'Content-Disposition: attachment; filename*0=a; filename*1="b"', '(((', '"', '<', 'x'.repeat(1000),
  ];
  it('validateMessage never throws and every range lies inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol);
        for (const p of validateMessage(text, { maxDepth: 5 })) {
          assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length, `${p.code} ${p.offset}+${p.length} in ${text.length}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile sizes', () => {
  it('a 1 MB single line gives one line-too-long and no other line problem', () => {
    const text = 'Subject: x\n\n' + 'y'.repeat(1_000_000);
    const problems = validateMessage(text).filter((p) => p.code === 'line-too-long');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].offset, text.indexOf('y') + 998);
  });
  it('random binary: every code is capped at 100', () => {
    let seed = 1;
    const chars: string[] = [];
    for (let i = 0; i < 2_000_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      chars.push(String.fromCharCode(seed >> 23));
    }
    const counts = new Map<string, number>();
    for (const p of validateMessage(chars.join(''))) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
    for (const [code, n] of counts) assert.ok(n <= 100, `${code}: ${n}`);
    assert.ok(counts.size > 0);
  });
});
