/**
 * The replay's own lines in the caller's language, against scripted servers
 * on 127.0.0.1 (test/helpers/faultServer.ts): a session that skips AUTH and a
 * masked command, differs in one reply and sends a summarised message; a
 * STARTTLS upgrade; a server that stalls, one that hangs up, one whose reply
 * never ends; no command to send; no server. In English every live transcript
 * is byte for byte what the replay wrote before its texts moved into the
 * locale bundles (the literals below); in Persian every note is Persian, with
 * no English word outside protocol tokens and the transcript's or server's
 * own text, and the reasons it stopped are Persian too (a refused connection
 * included, which is the system's message in English).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { hasRtl } from '../../src/mail/bidi';
import { bundleFor } from '../../src/mail/i18n';
import type { ReplayTexts } from '../../src/mail/replayTexts';
import { MAX_REPLY_LINES } from '../../src/send/limits';
import { replayTranscript, type ReplayResult } from '../../src/send/replay';
import { documentForms, englishWords } from '../helpers/englishWords';
import { close, raw, stall, startFaultServer, type FaultScript, type FaultServer } from '../helpers/faultServer';
import { TLS_DIR } from '../helpers/smtpServer';

const SESSION = [
  'S: 220 mx.example ESMTP',
  'C: EHLO client.example',
  'S: 250-mx.example',
  'S: 250 AUTH LOGIN',
  'C: AUTH LOGIN',
  'S: 334 VXNlcm5hbWU6',
  'C: <redacted>',
  'S: 334 UGFzc3dvcmQ6',
  'C: <redacted>',
  'S: 235 2.7.0 ok',
  'C: MAIL FROM:<a@example.com>',
  'S: 250 2.1.0 ok',
  'C: VRFY <redacted>',
  'S: 252 maybe',
  'C: RCPT TO:<b@example.com>',
  'S: 550 5.1.1 no such user',
  'C: DATA',
  'S: 354 go ahead',
  '# | Subject: big',
  '# | From: a@example.com',
  '# ... 3.0 MB of message data not shown ...',
  'C: .',
  'S: 250 2.0.0 queued',
  'C: QUIT',
  'S: 221 bye',
].join('\n');
const SHORT = ['S: 220 mx.example ESMTP', 'C: EHLO client.example', 'S: 250 mx.example', 'C: QUIT', 'S: 221 bye'].join('\n');
const STARTTLS = ['S: 220 mx.example ESMTP', 'C: EHLO client.example', 'S: 250 STARTTLS', 'C: STARTTLS', 'S: 220 go', 'C: EHLO client.example', 'S: 250 ok', 'C: QUIT', 'S: 221 bye'].join('\n');

/** The start of every live transcript that connected (PORT stands for the server's port). */
const CONNECTED = '# smtp-eml replay against 127.0.0.1:PORT (no TLS until STARTTLS; replies compared by code)\n# connected to 127.0.0.1:PORT\nS: 220 fault.test ESMTP fault-server\nC: EHLO client.example\n';

/** One replay: the server it runs against, the transcript, and the English live transcript the replay wrote before. */
interface Scenario {
  name: string;
  /** The server's script; undefined: no server (a port nothing listens on). */
  script?: FaultScript;
  text: string;
  options?: { timeoutMs?: number; insecure?: boolean; match?: 'class' };
  english: string;
}

const tls = { key: readFileSync(join(TLS_DIR, 'key.pem')), cert: readFileSync(join(TLS_DIR, 'cert.pem')) };

const SCENARIOS: Scenario[] = [
  {
    name: 'AUTH skipped, a masked command not sent, a reply that differs, a summarised message',
    script: {},
    text: SESSION,
    english: `${CONNECTED}S: 250-fault.test greets you\nS: 250-SIZE 52428800\nS: 250-8BITMIME\nS: 250 AUTH PLAIN LOGIN\n# AUTH (transcript line 5) skipped: the transcript's credentials are masked; give a user and password to authenticate\nC: MAIL FROM:<a@example.com>\nS: 250 2.1.0 Ok\n# line 13 holds masked data and is not sent\nC: RCPT TO:<b@example.com>\nS: 250 2.1.5 Ok\n# differs from the transcript (line 16): expected 550 5.1.1 no such user\nC: DATA\nS: 354 End data with <CR><LF>.<CR><LF>\n# the transcript shows only the header of this message; its header lines are sent, with a one-line body\nC: Subject: big\nC: From: a@example.com\nC:\nC: [the message body is not in the transcript]\nC: .\nS: 250 2.0.0 Ok: queued as FAULTnxn\nC: QUIT\nS: 221 2.0.0 Bye\n# result: 1 difference from the transcript\n`,
  },
  {
    name: 'STARTTLS, replies compared by class',
    script: { startTls: tls },
    text: STARTTLS,
    options: { insecure: true, match: 'class' },
    english: `${CONNECTED.replace('by code', 'by class')}S: 250-fault.test greets you\nS: 250-SIZE 52428800\nS: 250-8BITMIME\nS: 250-AUTH PLAIN LOGIN\nS: 250 STARTTLS\nC: STARTTLS\nS: 220 2.0.0 Ready to start TLS\n# TLS: STARTTLS, PROTOCOL, cipher CIPHER\nC: EHLO client.example\nS: 250-fault.test greets you\nS: 250-SIZE 52428800\nS: 250-8BITMIME\nS: 250 AUTH PLAIN LOGIN\nC: QUIT\nS: 221 2.0.0 Bye\n# result: every reply as in the transcript\n`,
  },
  {
    name: 'no reply in time',
    script: { command: (verb) => (verb === 'EHLO' ? stall() : undefined) },
    text: SHORT,
    options: { timeoutMs: 300 },
    english: `${CONNECTED}# replay stopped: no reply within 300 ms\n# result: stopped early\n`,
  },
  {
    name: 'the server hangs up',
    script: { command: (verb) => (verb === 'EHLO' ? close() : undefined) },
    text: SHORT,
    english: `${CONNECTED}# replay stopped: the server closed the connection\n# result: stopped early\n`,
  },
  {
    name: 'a reply over the line limit',
    script: { command: (verb) => (verb === 'EHLO' ? raw('250-x\r\n'.repeat(MAX_REPLY_LINES)) : undefined) },
    text: SHORT,
    english: `${CONNECTED}# replay stopped: the server sent a reply of more than ${MAX_REPLY_LINES} lines\n# result: stopped early\n`,
  },
  {
    name: 'nothing to send',
    script: {},
    text: '# nothing\nS: 220 hi\n',
    english: '# smtp-eml replay against 127.0.0.1:PORT\n# replay could not run: the transcript has no C: command to send\n# result: not run\n',
  },
  {
    name: 'no server',
    text: SHORT,
    english: '# smtp-eml replay against 127.0.0.1:PORT (no TLS until STARTTLS; replies compared by code)\n# replay could not run: cannot connect to 127.0.0.1:PORT: connect ECONNREFUSED 127.0.0.1:PORT\n# result: not run\n',
  },
];

/** A port nothing listens on: a server's, after it closed. */
async function closedPort(): Promise<number> {
  const s = await startFaultServer();
  await s.close();
  return s.port;
}

/** Runs a scenario with `texts` (none: the default) and returns the result and the port it used. */
async function run(s: Scenario, texts: ReplayTexts | undefined): Promise<{ result: ReplayResult; port: number }> {
  const server: FaultServer | undefined = s.script ? await startFaultServer(s.script) : undefined;
  const port = server?.port ?? (await closedPort());
  try {
    return { result: await replayTranscript({ text: s.text, host: '127.0.0.1', port, ...s.options, ...(texts ? { texts } : {}) }), port };
  } finally {
    await server?.close();
  }
}

/** The transcript with what differs from run to run replaced: the port, the queue id, the TLS version and cipher. */
function stable(transcript: string, port: number): string {
  return transcript
    .split(String(port))
    .join('PORT')
    .replace(/FAULT\d+x\d+/g, 'FAULTnxn')
    .replace(/^# TLS: STARTTLS, TLSv1\.[23], cipher \S+$/m, '# TLS: STARTTLS, PROTOCOL, cipher CIPHER');
}

describe('replay texts', () => {
  const english = new Map<string, ReplayResult>();
  before(async () => {
    for (const s of SCENARIOS) {
      const { result, port } = await run(s, bundleFor('en').replay);
      english.set(s.name, { ...result, transcript: stable(result.transcript, port) });
    }
  });

  for (const s of SCENARIOS) {
    test(`English, as before: ${s.name}`, () => {
      assert.equal(english.get(s.name)!.transcript, s.english);
    });
  }

  test('English is the default: no texts given, the same transcript', async () => {
    const { result, port } = await run(SCENARIOS[0]!, undefined);
    assert.equal(stable(result.transcript, port), SCENARIOS[0]!.english);
  });

  for (const s of SCENARIOS) {
    test(`Persian: ${s.name}`, async () => {
      const { result, port } = await run(s, bundleFor('fa').replay);
      const fa = stable(result.transcript, port);
      const en = english.get(s.name)!;
      // The same session: the same client and server lines, the same outcome.
      const protocol = (t: string) => t.split('\n').filter((l) => !l.startsWith('#'));
      assert.deepEqual(protocol(fa), protocol(en.transcript));
      assert.deepEqual([result.ok, result.ran, result.mismatches.length, result.error === undefined], [en.ok, en.ran, en.mismatches.length, en.error === undefined]);
      const notes = fa.split('\n').filter((l) => l.startsWith('# '));
      assert.equal(notes.length, en.transcript.split('\n').filter((l) => l.startsWith('# ')).length);
      // What the notes may quote: the transcript, the server's replies, the TLS names.
      const forms = documentForms(`${s.text}\n${protocol(fa).join('\n')}\nTLSv1.3 TLSv1.2 PROTOCOL CIPHER`);
      for (const note of notes) {
        assert.ok(hasRtl(note), note);
        assert.deepEqual(englishWords(note.slice(2), forms), [], note);
      }
      if (result.error) {
        assert.ok(hasRtl(result.error), result.error);
        assert.deepEqual(englishWords(result.error, forms), [], result.error);
      }
    });
  }

  test('near miss: the English notes would fail the Persian check', () => {
    const en = english.get(SCENARIOS[0]!.name)!.transcript;
    const note = en.split('\n').find((l) => l.startsWith('# differs'))!;
    assert.ok(!hasRtl(note));
    assert.ok(englishWords(note.slice(2), documentForms(SESSION)).includes('differs'));
  });
});
