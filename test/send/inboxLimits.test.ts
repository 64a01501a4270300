/**
 * The local inbox under oversized and failing input: two DATA streams well
 * over the size limit, sent at once without SIZE, keep its memory bounded
 * (the data goes to disk and is discarded past the limit), each client gets
 * 552 and the inbox keeps answering; on a full disk the client gets 451 and
 * no `.eml.tmp` or orphan `.envelope.json` is left. The inbox runs as the
 * real CLI (`smtp-eml inbox`) in its own process, so its memory is its own.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startCliInbox } from '../helpers/cli';

/** Peak resident memory of a process (VmHWM), in MB. */
function peakMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/**
 * One SMTP session on a raw socket: EHLO, MAIL (no SIZE), RCPT, DATA, then
 * `megabytes` of body lines, the final dot, and the reply to it.
 */
function sendRaw(port: number, megabytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let buffer = '';
    let step = 0;
    const script = ['EHLO client.example\r\n', 'MAIL FROM:<a@example.com>\r\n', 'RCPT TO:<b@example.com>\r\n', 'DATA\r\n'];
    socket.on('error', reject);
    socket.on('data', (d: Buffer) => {
      buffer += d.toString('latin1');
      // A complete reply ends with a line "ddd text".
      const done = /(^|\n)\d{3} [^\n]*\r\n$/.test(buffer);
      if (!done) return;
      const replyText = buffer;
      buffer = '';
      if (step < script.length) {
        socket.write(script[step++]!);
        return;
      }
      if (step === script.length) {
        step++;
        assert.match(replyText, /^354/);
        const line = Buffer.from(`${'x'.repeat(998)}\r\n`);
        const chunk = Buffer.concat(Array(1024).fill(line));
        let left = megabytes;
        const pump = (): void => {
          while (left > 0) {
            left--;
            if (!socket.write(chunk)) return void socket.once('drain', pump);
          }
          socket.write('.\r\n');
        };
        socket.write('Subject: big\r\n\r\n');
        pump();
        return;
      }
      socket.end('QUIT\r\n');
      resolve(replyText.trim());
    });
  });
}

/** NOOP on a new connection: the inbox is still up. */
function answersNoop(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let seen = '';
    let asked = false;
    socket.on('error', () => resolve(false));
    socket.on('data', (d: Buffer) => {
      seen += d.toString();
      if (!asked && /^220 /m.test(seen)) {
        asked = true;
        socket.write('NOOP\r\n');
      } else if (asked && /^250 /m.test(seen)) {
        socket.end('QUIT\r\n');
        resolve(true);
      }
    });
  });
}

const cleanups: Array<() => void> = [];
after(() => {
  for (const c of cleanups.reverse()) c();
});

describe('local inbox: bounded memory and no leftovers', () => {
  test('two 130 MB streams without SIZE: 552 each, memory bounded, the inbox stays up, nothing stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smtp-eml-inbox-big-'));
    const { child, port } = await startCliInbox(['--dir', dir]);
    cleanups.push(() => {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    });
    const replies = await Promise.all([sendRaw(port, 130), sendRaw(port, 130)]);
    for (const r of replies) assert.match(r, /^552 /, r);
    // Two messages held in memory would be 260 MB; streamed to disk, the process stays near its baseline.
    const peak = peakMb(child.pid!);
    assert.ok(peak < 200, `the inbox peaked at ${peak.toFixed(0)} MB of memory`);
    assert.equal(await answersNoop(port), true, 'the inbox still answers');
    // Each session keeps its transcript (what the client said, refused or not); no message file is left.
    assert.deepEqual(readdirSync(dir).filter((f) => !f.endsWith('.smtp')), [], 'no .eml, .eml.tmp or .envelope.json left');
  });

  test('a full disk: 451, and no .eml.tmp or orphan .envelope.json', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'smtp-eml-inbox-full-'));
    const mount = join(dir, 'full');
    mkdirSync(mount);
    // A 1 MB file system fills up like a full disk (ENOSPC); it needs the right to mount.
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]).status === 0;
    if (!mounted) {
      rmSync(dir, { recursive: true, force: true });
      t.skip('cannot mount a small tmpfs here (no privilege): the full-disk case is not exercised');
      return;
    }
    const { child, port } = await startCliInbox(['--dir', mount]);
    cleanups.push(() => {
      child.kill();
      spawnSync('umount', ['-l', mount]);
      rmSync(dir, { recursive: true, force: true });
    });
    const reply = await sendRaw(port, 3);
    assert.match(reply, /^451 /, reply);
    assert.deepEqual(readdirSync(mount).filter((f) => !f.endsWith('.smtp')), [], 'nothing left behind but the session transcript');
    assert.equal(await answersNoop(port), true, 'the inbox still answers');
  });
});
