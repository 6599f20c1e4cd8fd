/**
 * AWS at the HTTP edge for tests of the worker (the only stand-in; msw cannot reach into workerd, so this
 * is a loopback server the worker's SDK clients are pointed at with SNS_ENDPOINT / SES_ENDPOINT). It speaks
 * the real wire formats: SNS's query protocol with XML replies, SES v2's REST+JSON.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SnsPublish {
  topicArn: string;
  message: string;
}

export interface SesSend {
  to: string[];
  from: string;
  subject: string;
  text: string;
}

export interface FakeAws {
  url: string;
  published: SnsPublish[];
  sent: SesSend[];
  /** Publish calls answered with a 500 while `failPublish` is on. */
  failedPublishes: number;
  failPublish: boolean;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeAws(): Promise<FakeAws> {
  const fake: Omit<FakeAws, 'url' | 'close'> = {
    published: [],
    sent: [],
    failedPublishes: 0,
    failPublish: false,
  };
  const server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    if (req.method === 'POST' && req.url?.startsWith('/v2/email/outbound-emails')) {
      const input = JSON.parse(body) as {
        FromEmailAddress: string;
        Destination: { ToAddresses: string[] };
        Content: { Simple: { Subject: { Data: string }; Body: { Text: { Data: string } } } };
      };
      fake.sent.push({
        to: input.Destination.ToAddresses,
        from: input.FromEmailAddress,
        subject: input.Content.Simple.Subject.Data,
        text: input.Content.Simple.Body.Text.Data,
      });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ MessageId: `ses-${fake.sent.length}` }));
      return;
    }
    const form = new URLSearchParams(body);
    if (req.method === 'POST' && form.get('Action') === 'Publish') {
      res.setHeader('content-type', 'text/xml');
      if (fake.failPublish) {
        fake.failedPublishes += 1;
        res.statusCode = 500;
        res.end(
          '<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>down</Message></Error><RequestId>r</RequestId></ErrorResponse>',
        );
        return;
      }
      fake.published.push({ topicArn: form.get('TopicArn') ?? '', message: form.get('Message') ?? '' });
      res.end(
        `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>msg-${fake.published.length}</MessageId></PublishResult><ResponseMetadata><RequestId>req-${fake.published.length}</RequestId></ResponseMetadata></PublishResponse>`,
      );
      return;
    }
    res.statusCode = 400;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
