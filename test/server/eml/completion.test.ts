import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { startTestClient, type TestClient } from '../../helpers/lspClient';

/** Splits `text` at the `|` cursor marker. */
function cursor(marked: string): { text: string; position: lsp.Position } {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const lines = marked.slice(0, at).split('\n');
  return { text, position: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}

const items = (r: lsp.CompletionItem[] | lsp.CompletionList): lsp.CompletionItem[] => (Array.isArray(r) ? r : r.items);
const newText = (i: lsp.CompletionItem): string => (i.textEdit as lsp.TextEdit).newText;

describe('eml completion', () => {
  let client: TestClient;
  let n = 0;
  before(async () => {
    ({ client } = await startTestClient());
  });
  after(async () => client.dispose());

  async function complete(marked: string, eol = '\n'): Promise<lsp.CompletionItem[]> {
    const { text, position } = cursor(marked);
    const uri = `file:///completion-${n++}.eml`;
    await client.open(uri, 'eml', text.replace(/\n/g, eol));
    try {
      return items(await client.completion(uri, position));
    } finally {
      await client.close(uri);
    }
  }

  const cases: Array<{ name: string; text: string; expect: (items: lsp.CompletionItem[]) => void }> = [
    {
      name: 'field names at the start of a header line, usual casing and ": " inserted',
      text: 'From: a@example.com\nMes|\n\nbody\n',
      expect: (list) => {
        const mid = list.find((i) => i.label === 'Message-ID');
        assert.ok(mid, 'Message-ID offered');
        assert.equal(newText(mid), 'Message-ID: ');
        assert.deepEqual((mid.textEdit as lsp.TextEdit).range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
        assert.ok(list.find((i) => i.label === 'MIME-Version'));
        assert.ok(list.find((i) => i.label === 'Content-Transfer-Encoding'));
      },
    },
    {
      name: 'inside an existing name: the whole name and its colon are replaced',
      text: 'From: a@example.com\nSub|ject: hello\n\nbody\n',
      expect: (list) => {
        const subject = list.find((i) => i.label === 'Subject')!;
        assert.deepEqual((subject.textEdit as lsp.TextEdit).range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
        assert.equal(newText(subject), 'Subject: ');
      },
    },
    {
      name: 'no field names in the body',
      text: 'From: a@example.com\n\nSome body\nMes|\n',
      expect: (list) => assert.deepEqual(list, []),
    },
    {
      name: 'field names in a part header, MIME fields first',
      text: 'Content-Type: multipart/mixed; boundary=b\n\n--b\nCon|\n\nx\n--b--\n',
      expect: (list) => {
        const first = [...list].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))[0];
        assert.match(first.label, /^Content-/);
      },
    },
    {
      name: 'field names in the header of an attached message',
      text: 'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\n\nFrom: x@example.com\nSub|\n\ninner\n--b--\n',
      expect: (list) => assert.ok(list.find((i) => i.label === 'Subject')),
    },
    {
      name: 'Date: offers a fresh RFC 5322 date',
      text: 'From: a@example.com\nDate: |\n\nx\n',
      expect: (list) => {
        assert.equal(list.length, 1);
        assert.match(newText(list[0]), /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/);
      },
    },
    {
      name: 'Date: right after the colon inserts the space too',
      text: 'Date:|\n\nx\n',
      expect: (list) => assert.match(newText(list[0]), /^ [A-Z][a-z]{2}, /),
    },
    {
      name: 'Message-ID: offers <random@domain of From>',
      text: 'From: Ann <ann@mail.example.org>\nMessage-ID: |\n\nx\n',
      expect: (list) => {
        assert.equal(list.length, 1);
        assert.match(newText(list[0]), /^<[^@\s]+@mail\.example\.org>$/);
      },
    },
    {
      name: 'MIME-Version: 1.0',
      text: 'MIME-Version: |\n\nx\n',
      expect: (list) => assert.deepEqual(list.map(newText), ['1.0']),
    },
    {
      name: 'Content-Type media types, replacing the typed word',
      text: 'Content-Type: text/p|\n\nx\n',
      expect: (list) => {
        const plain = list.find((i) => i.label === 'text/plain');
        assert.ok(plain);
        assert.deepEqual((plain.textEdit as lsp.TextEdit).range, { start: { line: 0, character: 14 }, end: { line: 0, character: 20 } });
        for (const t of ['text/html', 'multipart/mixed', 'multipart/alternative', 'multipart/related', 'message/rfc822', 'application/octet-stream', 'image/png']) {
          assert.ok(list.find((i) => i.label === t), t);
        }
      },
    },
    {
      name: 'Content-Type parameters for text',
      text: 'Content-Type: text/plain; |\n\nx\n',
      expect: (list) => assert.deepEqual(list.map((i) => i.label), ['charset=', 'name=', 'format=']),
    },
    {
      name: 'Content-Type boundary= for multipart comes with a generated boundary',
      text: 'Content-Type: multipart/mixed; |\n\nx\n',
      expect: (list) => {
        const b = list.find((i) => i.label === 'boundary=');
        assert.ok(b);
        assert.match(newText(b), /^boundary="[0-9A-Za-z'()+_,\-./:=? ]{1,70}"$/);
      },
    },
    {
      name: 'charset names after charset=',
      text: 'Content-Type: text/plain; charset=|\n\nx\n',
      expect: (list) => {
        assert.ok(list.find((i) => i.label === 'utf-8'));
        assert.ok(list.find((i) => i.label === 'iso-8859-1'));
      },
    },
    {
      name: 'a value on a folded continuation line belongs to the field above',
      text: 'Content-Type: text/plain;\n charset=|\n\nx\n',
      expect: (list) => assert.ok(list.find((i) => i.label === 'utf-8')),
    },
    {
      name: 'Content-Transfer-Encoding values',
      text: 'Content-Transfer-Encoding: |\n\nx\n',
      expect: (list) => assert.deepEqual(list.map((i) => i.label), ['7bit', '8bit', 'binary', 'quoted-printable', 'base64']),
    },
    {
      name: 'nothing for a field without value completion',
      text: 'Subject: |\n\nx\n',
      expect: (list) => assert.deepEqual(list, []),
    },
  ];

  for (const eol of ['\n', '\r\n']) {
    for (const c of cases) {
      test(`${c.name} (${eol === '\n' ? 'LF' : 'CRLF'})`, async () => c.expect(await complete(c.text, eol)));
    }
  }
});

describe('eml completion: only what may still be added, and addresses', () => {
  let client: TestClient;
  let folder: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'eml-addresses-'));
    mkdirSync(join(folder, 'sub'));
    writeFileSync(join(folder, 'sub', 'old.eml'), 'From: "Babbage, Charles" <charles@example.net>\r\nTo: team@example.org,\r\n ada@example.org\r\nSubject: x\r\n\r\nTo: not@header.example\r\n');
    mkdirSync(join(folder, 'node_modules'));
    writeFileSync(join(folder, 'node_modules', 'skip.eml'), 'From: skipped@example.com\r\n\r\n');
    ({ client } = await startTestClient({ workspaceFolders: [pathToFileURL(folder).href] }));
  });
  after(async () => {
    await client.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  const complete = async (marked: string, others: Record<string, string> = {}): Promise<lsp.CompletionItem[]> => {
    const { text, position } = cursor(marked);
    const uri = `file:///only-${Math.random().toString(36).slice(2)}.eml`;
    for (const [name, content] of Object.entries(others)) await client.open(`file:///${name}`, 'eml', content);
    await client.open(uri, 'eml', text);
    try {
      return items(await client.completion(uri, position));
    } finally {
      await client.close(uri);
      for (const name of Object.keys(others)) await client.close(`file:///${name}`);
    }
  };

  for (const eol of ['\n', '\r\n']) {
    test(`once-only fields already in the block are not offered; fields that may repeat are (${eol === '\n' ? 'LF' : 'CRLF'})`, async () => {
      const labels = (await complete(['From: a@example.com', 'Subject: hi', 'Received: from x', '|', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', '', 'body', ''].join(eol))).map((i) => i.label);
      for (const gone of ['From', 'Subject', 'Date']) assert.ok(!labels.includes(gone), `${gone} is offered again: ${labels.join(', ')}`);
      for (const still of ['To', 'Cc', 'Message-ID', 'Received', 'Comments']) assert.ok(labels.includes(still), `${still} is missing: ${labels.join(', ')}`);
    });
  }

  test('the field being edited stays offered (completing over its own name)', async () => {
    const labels = (await complete('From: a@example.com\nSubj|ect: hi\n\nbody\n')).map((i) => i.label);
    assert.ok(labels.includes('Subject'));
  });

  test('a part header block is its own block', async () => {
    const text = 'From: a@example.com\nContent-Type: multipart/mixed; boundary="b"\nMIME-Version: 1.0\n\n--b\n|\n\nx\n--b--\n';
    const labels = (await complete(text)).map((i) => i.label);
    assert.ok(labels.includes('Content-Type'), 'a part may have its own Content-Type');
  });

  test('after To: the addresses of this message, the open messages and the workspace files, without those already in the field', async () => {
    const list = await complete('From: Ada <ada@example.org>\nCc: bob@example.com\nTo: bob@example.com, |\nSubject: x\n\nbody\n', {
      'other.eml': 'From: Dora <dora@example.com>\n\nbody\n',
    });
    const labels = list.map((i) => i.label);
    assert.equal(labels[0], 'Ada <ada@example.org>', 'this message first');
    assert.ok(!labels.some((l) => /bob@example\.com/.test(String(l))), `bob is already in To: ${labels.join(' | ')}`);
    assert.ok(labels.includes('Dora <dora@example.com>'), labels.join(' | '));
    assert.ok(labels.includes('"Babbage, Charles" <charles@example.net>'), labels.join(' | '));
    assert.ok(labels.includes('team@example.org'), 'a folded address line is read');
    assert.ok(!labels.includes('not@header.example'), 'bodies are not read');
    assert.ok(!labels.includes('skipped@example.com'), 'node_modules is not read');
    const ada = list.find((i) => i.label === 'Ada <ada@example.org>')!;
    assert.equal(newText(ada), 'Ada <ada@example.org>');
  });

  test('right after "From:" the separating space is inserted', async () => {
    const list = await complete('To: Bob <bob@example.com>\nFrom:|\n\nbody\n');
    const bob = list.find((i) => i.label === 'Bob <bob@example.com>');
    assert.ok(bob, list.map((i) => i.label).join(' | '));
    assert.equal(newText(bob), ' Bob <bob@example.com>');
  });
});

