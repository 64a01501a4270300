import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { decodeEncodedWords } from '../../../src/mail/message/encodings';
import { startTestClient, type TestClient } from '../../helpers/lspClient';
import { applyEdits, EOLS, openEml } from './util';

const HEAD = ['From: Ann <ann@mail.example.org>', 'To: bob@example.com', 'Subject: hi', 'Date: Fri, 27 Nov 2026 10:00:00 +0100', 'Message-ID: <1@mail.example.org>'];

interface Case {
  name: string;
  code: string;
  lines: string[];
  /** Checks on the fixed text (beyond "the diagnostic is gone"). */
  check?: (fixed: string) => void;
}

const cases: Case[] = [
  {
    name: 'add Date (now, RFC 5322)',
    code: 'missing-date',
    lines: [HEAD[0], HEAD[1], HEAD[2], HEAD[4], '', 'body', ''],
    check: (fixed) => assert.match(fixed, /\nDate: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}\r?\n\r?\nbody/),
  },
  {
    name: 'add Message-ID at the domain of From',
    code: 'missing-message-id',
    lines: [HEAD[0], HEAD[1], HEAD[2], HEAD[3], '', 'body', ''],
    check: (fixed) => assert.match(fixed, /\nMessage-ID: <[^@\s>]+@mail\.example\.org>\r?\n/),
  },
  {
    name: 'add Message-ID when the header block has no final line break',
    code: 'missing-message-id',
    lines: [HEAD[0], HEAD[1], HEAD[2], HEAD[3]],
  },
  {
    name: 'add MIME-Version: 1.0',
    code: 'mime-version-missing',
    lines: [...HEAD, 'Content-Type: text/plain; charset=utf-8', '', 'body', ''],
    check: (fixed) => assert.match(fixed, /\nMIME-Version: 1\.0\r?\n/),
  },
  {
    name: 'encode a non-ASCII Subject as encoded words',
    code: 'non-ascii-header',
    lines: [HEAD[0], HEAD[1], 'Subject: Grüße aus Köln, bis bald', HEAD[3], HEAD[4], '', 'body', ''],
    check: (fixed) => {
      const subject = /Subject: (.*)/.exec(fixed)![1].replace(/\r$/, '');
      assert.equal(decodeEncodedWords(subject).text, 'Grüße aus Köln, bis bald');
    },
  },
  {
    name: 'encode a folded non-ASCII Subject, keeping the space at the fold',
    code: 'non-ascii-header',
    lines: [HEAD[0], HEAD[1], 'Subject: Grüße', '  Köln und', ' München', HEAD[3], HEAD[4], '', 'body', ''],
    check: (fixed) => {
      const subject = /Subject: ((?:.*)(?:\r?\n[ \t].*)*)/.exec(fixed)![1].replace(/\r?\n(?=[ \t])/g, '');
      assert.equal(decodeEncodedWords(subject).text.replace(/\s+/g, ' '), 'Grüße Köln und München');
    },
  },
  {
    name: 'encode a non-ASCII display name, keeping the address',
    code: 'non-ascii-header',
    lines: ['From: Jürgen Müller <j@example.com>', HEAD[1], HEAD[2], HEAD[3], HEAD[4], '', 'body', ''],
    check: (fixed) => {
      const from = /From: (.*)/.exec(fixed)![1].replace(/\r$/, '');
      assert.match(from, /<j@example\.com>$/);
      assert.equal(decodeEncodedWords(from).text, 'Jürgen Müller <j@example.com>');
    },
  },
  {
    name: 'encode a non-ASCII quoted display name with a comma',
    code: 'non-ascii-header',
    lines: [HEAD[0], 'To: "Müller, Jörg" <j@example.com>, bob@example.com', HEAD[2], HEAD[3], HEAD[4], '', 'body', ''],
    check: (fixed) => {
      const to = /To: (.*)/.exec(fixed)![1].replace(/\r$/, '');
      assert.equal(decodeEncodedWords(to).text, 'Müller, Jörg <j@example.com>, bob@example.com');
    },
  },
  {
    name: 'convert an 8-bit part without CTE to quoted-printable (and say utf-8)',
    code: 'eight-bit-data',
    lines: [...HEAD, 'MIME-Version: 1.0', 'Content-Type: text/plain', '', 'Grüße = viele', 'zweite Zeile', ''],
    check: (fixed) => {
      assert.match(fixed, /Content-Type: text\/plain; charset=utf-8/);
      assert.match(fixed, /Content-Transfer-Encoding: quoted-printable/);
      assert.match(fixed, /Gr=C3=BC=C3=9Fe =3D viele\r?\nzweite Zeile/);
    },
  },
  {
    name: 'convert an 8-bit part declared 7bit in a multipart',
    code: 'eight-bit-data',
    lines: [
      ...HEAD,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: 7bit',
      '',
      'Köln',
      '--b--',
      '',
    ],
    check: (fixed) => {
      assert.match(fixed, /charset=iso-8859-1\r?\nContent-Transfer-Encoding: quoted-printable\r?\n\r?\nK=F6ln\r?\n--b--/);
    },
  },
  {
    name: 'escape raw 8-bit characters in a quoted-printable part',
    code: 'eight-bit-data',
    lines: [...HEAD, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', 'K=C3=B6ln und Köln', ''],
    check: (fixed) => assert.match(fixed, /K=C3=B6ln und K=C3=B6ln/),
  },
  {
    name: 'append the missing close delimiter',
    code: 'closing-boundary-missing',
    lines: [...HEAD, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'text', ''],
    check: (fixed) => assert.match(fixed, /text\r?\n--b--\r?\n$/),
  },
  {
    name: 'append the close delimiter of a nested multipart',
    code: 'closing-boundary-missing',
    lines: [
      ...HEAD,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/plain',
      '',
      'text',
      '--outer--',
      '',
    ],
    check: (fixed) => assert.match(fixed, /text\r?\n--inner--\r?\n--outer--/),
  },
  {
    name: 'correct the weekday',
    code: 'date-weekday-mismatch',
    lines: [HEAD[0], HEAD[1], HEAD[2], 'Date: Mon, 27 Nov 2026 10:00:00 +0100', HEAD[4], '', 'body', ''],
    check: (fixed) => assert.match(fixed, /Date: Fri, 27 Nov 2026/),
  },
  {
    name: 'remove the space before a colon',
    code: 'header-space-before-colon',
    lines: [HEAD[0], HEAD[1], 'Subject \t: hi', HEAD[3], HEAD[4], '', 'body', ''],
    check: (fixed) => assert.match(fixed, /\nSubject: hi\r?\n/),
  },
  {
    name: 'remove a repeated Subject with its folded line, keeping the first',
    code: 'duplicate-header',
    lines: [...HEAD, 'Subject: again', ' and folded', 'X-After: stays', '', 'body', ''],
    check: (fixed) => {
      assert.deepEqual(fixed.match(/^Subject:.*$/gm)?.map((l) => l.replace(/\r$/, '')), ['Subject: hi']);
      assert.doesNotMatch(fixed, /folded/);
      assert.match(fixed, /Message-ID: <1@mail\.example\.org>\r?\nX-After: stays\r?\n\r?\nbody/);
    },
  },
  {
    name: 'write =3D for a stray "=" in quoted-printable',
    code: 'qp-invalid',
    lines: [...HEAD, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', 'a =ZZ b', ''],
    check: (fixed) => assert.match(fixed, /\na =3DZZ b\r?\n/),
  },
  {
    name: 'wrap a bare message id in <>',
    code: 'message-id-syntax',
    lines: [HEAD[0], HEAD[1], HEAD[2], HEAD[3], 'Message-ID: 1.x@mail.example.org', '', 'body', ''],
    check: (fixed) => assert.match(fixed, /\nMessage-ID: <1\.x@mail\.example\.org>\r?\n/),
  },
];

describe('eml quick fixes', () => {
  let client: TestClient;
  before(async () => {
    ({ client } = await startTestClient());
  });
  after(async () => client.dispose());

  for (const { name, eol } of EOLS) {
    for (const c of cases) {
      test(`${c.name} (${name})`, async () => {
        const text = c.lines.join(eol);
        const { uri, diagnostics } = await openEml(client, text);
        const target = diagnostics.filter((d) => d.code === c.code);
        assert.ok(target.length > 0, `the validator reports ${c.code}; got ${diagnostics.map((d) => d.code).join(', ')}`);
        const d = target[0];
        const actions = await client.codeActions(uri, d.range, [d]);
        assert.equal(actions.length, 1, 'one fix');
        const action = actions[0];
        assert.equal(action.kind, 'quickfix');
        assert.deepEqual(action.diagnostics, [d]);
        assert.equal(action.isPreferred, true);
        const edits = action.edit?.changes?.[uri];
        assert.ok(edits?.length, 'a workspace edit on this document');
        const fixed = applyEdits(text, edits as lsp.TextEdit[]);
        await client.close(uri);
        const after = (await openEml(client, fixed)).diagnostics;
        assert.deepEqual(
          after.filter((x) => x.code === c.code),
          [],
          `the diagnostic is gone after the fix:\n${fixed}`,
        );
        // The fix brings in no new error.
        const errorsBefore = new Set(diagnostics.filter((x) => x.severity === 1).map((x) => x.code));
        const newErrors = after.filter((x) => x.severity === 1 && !errorsBefore.has(x.code));
        assert.deepEqual(newErrors.map((x) => `${x.code}: ${x.message}`), [], fixed);
        c.check?.(fixed);
      });
    }
  }

  test('no fix for an id that is not merely missing its brackets', async () => {
    const text = [HEAD[0], HEAD[1], HEAD[2], HEAD[3], 'Message-ID: <missing-right-part>', '', 'x', ''].join('\n');
    const { uri, diagnostics } = await openEml(client, text);
    const d = diagnostics.find((x) => x.code === 'message-id-syntax');
    assert.ok(d);
    assert.deepEqual(await client.codeActions(uri, d.range, [d]), []);
    await client.close(uri);
  });

  for (const { name, eol } of EOLS) {
    test(`"Fix all" of one code beside its quick fix, in one edit (${name})`, async () => {
      const text = [HEAD[0], 'To : bob@example.com', 'Subject  : hi', HEAD[3], 'Message-ID : <1@mail.example.org>', '', 'body', ''].join(eol);
      const { uri, diagnostics } = await openEml(client, text);
      const spaces = diagnostics.filter((d) => d.code === 'header-space-before-colon');
      assert.equal(spaces.length, 3);
      const actions = await client.codeActions(uri, spaces[0].range, [spaces[0]]);
      assert.deepEqual(actions.map((a) => a.title), ['Remove the space before the colon', 'Fix all 3 header-space-before-colon problems']);
      const all = actions[1];
      assert.equal(all.kind, 'quickfix');
      assert.equal(all.diagnostics?.length, 3);
      const fixed = applyEdits(text, all.edit!.changes![uri] as lsp.TextEdit[]);
      assert.equal(fixed, [HEAD[0], 'To: bob@example.com', 'Subject: hi', HEAD[3], 'Message-ID: <1@mail.example.org>', '', 'body', ''].join(eol));
      await client.close(uri);
    });

    test(`source.fixAll applies every fix the document offers, without overlapping edits (${name})`, async () => {
      const text = [
        'From: Ann <ann@mail.example.org>',
        'To : bob@example.com',
        'Subject: hi',
        'Subject: again',
        'Message-ID: 7@mail.example.org',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '1 + 1 = 2',
        'and =ZZ',
        '',
      ].join(eol);
      const { uri, diagnostics } = await openEml(client, text);
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const actions = await client.request<lsp.CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: whole,
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
      const [fixAll] = actions;
      assert.equal(fixAll.kind, 'source.fixAll.smtp-eml');
      const fixed = applyEdits(text, fixAll.edit!.changes![uri] as lsp.TextEdit[]);
      await client.close(uri);
      const reopened = await openEml(client, fixed);
      const after = reopened.diagnostics;
      const fixable = ['header-space-before-colon', 'duplicate-header', 'message-id-syntax', 'qp-invalid', 'missing-date'];
      assert.ok(fixable.every((c) => diagnostics.some((d) => d.code === c)), diagnostics.map((d) => d.code).join());
      assert.deepEqual(after.filter((d) => fixable.includes(String(d.code))).map((d) => d.code), [], fixed);
      assert.match(fixed, /^To: bob@example\.com\r?$/m);
      assert.match(fixed, /^Message-ID: <7@mail\.example\.org>\r?$/m);
      assert.match(fixed, /^1 \+ 1 =3D 2\r?\nand =3DZZ\r?$/m);
      assert.match(fixed, /^Date: /m);
      await client.close(reopened.uri);
    });
  }

  test('no fix for non-ASCII in an addr-spec (encoded words cannot go there)', async () => {
    const text = ['From: jürgen@example.com', HEAD[1], HEAD[2], HEAD[3], HEAD[4], '', 'x', ''].join('\n');
    const { uri, diagnostics } = await openEml(client, text);
    const d = diagnostics.find((x) => x.code === 'non-ascii-header');
    assert.ok(d);
    assert.deepEqual(await client.codeActions(uri, d.range, [d]), []);
    await client.close(uri);
  });
});
