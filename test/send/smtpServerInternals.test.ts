/**
 * The parts of smtp-server that the scripted inbox uses beyond its hooks
 * (src/send/smtpServerInternals.ts), checked on a real smtp-server and a raw
 * client on 127.0.0.1: when an update moves or changes them, this fails and
 * names what is missing, instead of scripts quietly answering normally.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { connectionOf, interceptCommands, missingInternals, replaceNextReply } from '../../src/send/smtpServerInternals';

const version = (JSON.parse(readFileSync(require.resolve('smtp-server/package.json'), 'utf8')) as { version: string }).version;

test(`smtp-server ${version}: a session's connection is found, its commands intercepted, its replies sent and replaced`, async () => {
  const problems: string[] = [];
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onConnect(session, callback) {
      problems.push(...missingInternals(server, session.id));
      const conn = connectionOf(server, session.id);
      if (!conn) {
        problems.push('connectionOf found no connection');
        return callback();
      }
      interceptCommands(conn, (line, proceed, done) => {
        if (/^NOOP/i.test(line)) {
          conn.send(299, ['intercepted', line], false);
          return done();
        }
        if (/^HELO/i.test(line)) replaceNextReply(conn, 250, ['replaced']);
        proceed();
      });
      callback();
    },
  });
  assert.deepEqual(missingInternals(server), [], `smtp-server ${version}`);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.server.address() as { port: number }).port;
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const replies = (n: number): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => {
          if ((received.match(/^\d{3} .*\r\n/gm)?.length ?? 0) >= n) {
            socket.off('data', onData);
            resolve();
          }
        };
        const onData = (d: Buffer): void => {
          received += d.toString();
          check();
        };
        socket.on('data', onData);
        check();
      });
    await replies(1);
    socket.write('HELO client.example\r\n');
    await replies(2);
    socket.write('NOOP hello\r\n');
    await replies(3);
    socket.write('QUIT\r\n');
    await replies(4);
    socket.destroy();
    assert.deepEqual(problems, [], `smtp-server ${version}`);
    const lines = received.trimEnd().split('\r\n');
    assert.match(lines[0]!, /^220 /);
    assert.deepEqual(lines.slice(1), ['250 replaced', '299-intercepted', '299 NOOP hello', lines[4]]);
    assert.match(lines[4]!, /^221 /);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
