/**
 * Publishing ticket jobs to Amazon SNS (@aws-sdk/client-sns, query protocol). The body is the shared
 * versioned message; `kind` and `version` also travel as message attributes so subscriptions can filter
 * without parsing the body (https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html).
 */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { type PublishTicketJob, TicketJobMessageSchema } from './message.js';

export interface SnsPublisherOptions {
  topicArn: string;
  region: string;
  endpoint?: string | undefined;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
}

export function createSnsPublisher(options: SnsPublisherOptions): PublishTicketJob {
  const client = new SNSClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  return async (message) => {
    const body = TicketJobMessageSchema.parse(message);
    await client.send(
      new PublishCommand({
        TopicArn: options.topicArn,
        Message: JSON.stringify(body),
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: body.kind },
          version: { DataType: 'Number', StringValue: String(body.v) },
        },
      }),
    );
  };
}
