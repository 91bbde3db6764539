/** @module A real SMTP server for tests (smtp-server), keeping every message it accepts, parsed (mailparser). */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  /** smtp://127.0.0.1:PORT */
  url: string;
  /** Accepted messages, oldest first, with the envelope's recipients. */
  inbox: Array<ParsedMail & { rcptTo: string[]; raw: string }>;
  /** Resolves once the inbox holds `count` messages (rejects after a few seconds). */
  waitFor(count: number): Promise<void>;
  /** Resolves once every accepted message is parsed into the inbox. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Starts an SMTP server on a free loopback port: plain text, no authentication. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const inbox: TestSmtp['inbox'] = [];
  const pending: Array<Promise<void>> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const rcptTo = session.envelope.rcptTo.map((r) => r.address);
        pending.push(simpleParser(raw).then((mail) => void inbox.push(Object.assign(mail, { rcptTo, raw }))));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    async waitFor(count) {
      const until = Date.now() + 5000;
      while (inbox.length < count) {
        await Promise.all(pending);
        if (inbox.length >= count) break;
        if (Date.now() > until) throw new Error(`expected ${count} messages, got ${inbox.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    settled: async () => void (await Promise.all(pending)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
