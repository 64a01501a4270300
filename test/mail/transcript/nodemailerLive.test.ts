/**
 * The nodemailer dialect against the real thing: nodemailer (logger + debug)
 * sends to a real smtp-server on 127.0.0.1; the console output it prints is
 * read as a transcript: detected as nodemailer, no line-prefix error, the
 * transaction delivered, the masked AUTH data found, and the C:/S: conversion
 * gives the same diagnostics.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { convertToCanonical } from '../../../src/mail/transcript/convert';
import { detectDialect } from '../../../src/mail/transcript/lines';
import { parseTranscript, transactionOutcome } from '../../../src/mail/transcript/parse';
import { validateTranscript } from '../../../src/mail/transcript/validate';

async function captureNodemailerLog(debug: boolean): Promise<string> {
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, cb) => cb(null, { user: 'tester' }),
    onData: (stream, _session, cb) => {
      stream.resume();
      stream.on('end', () => cb());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const captured: string[] = [];
  const original = console.log;
  // nodemailer's default logger prints with console.log('[%s] %s %s', ...).
  console.log = (...args: unknown[]) => {
    captured.push((require('node:util') as typeof import('node:util')).format(...args));
  };
  try {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
      auth: { user: 'tester@example.org', pass: 'hunter2-secret' },
      logger: true,
      ...(debug ? { debug: true } : { transactionLog: true }),
    });
    await transport.sendMail({
      from: 'tester@example.org',
      to: ['a@example.com', 'b@example.com'],
      subject: 'Live log',
      text: 'Hello\n.leading dot\nbye',
    });
    transport.close();
  } finally {
    console.log = original;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return captured.join('\n') + '\n';
}

for (const debug of [true, false]) {
  test(`a real nodemailer log (${debug ? 'debug' : 'transactionLog'}) reads as a transcript`, async () => {
    const log = await captureNodemailerLog(debug);
    assert.ok(!log.includes('hunter2-secret'), 'nodemailer masks the password');
    assert.equal(detectDialect(log), 'nodemailer');
    const problems = validateTranscript(log);
    assert.deepEqual(problems.filter((p) => p.code === 'line-prefix'), []);
    // nodemailer masks the password but not the user name in AUTH PLAIN.
    assert.deepEqual(problems.filter((p) => p.code !== 'missing-quit').map((p) => p.code), ['credentials-exposed']);
    const s = parseTranscript(log);
    assert.equal(s.greeting?.code, 220);
    assert.equal(s.auths[0]?.result?.code, 235);
    assert.equal(s.transactions.length, 1);
    const o = transactionOutcome(s.transactions[0]);
    assert.equal(o.kind, 'delivered', o.text);
    assert.equal(o.accepted, 2);
    assert.equal(s.dataBlocks[0].elided, !debug);
    if (debug) assert.ok(s.dataBlocks[0].lines.some((l) => l.content === '..leading dot'), 'the body is logged dot-stuffed');
    const canonical = convertToCanonical(log);
    const summary = (t: string) => validateTranscript(t).map((p) => `${p.code} ${t.slice(p.offset, p.offset + p.length)}`);
    assert.deepEqual(summary(canonical), summary(log));
  });
}
