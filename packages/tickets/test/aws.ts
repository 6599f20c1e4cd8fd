/** msw at the AWS edge (the only mocked boundary): SNS (query protocol, XML replies) and SES v2 (REST+JSON). */
import { HttpResponse, http } from 'msw';

export const REGION = 'ap-south-1';
export const SNS_URL = `https://sns.${REGION}.amazonaws.com/`;
export const SES_SEND_URL = `https://email.${REGION}.amazonaws.com/v2/email/outbound-emails`;
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDMOVIEMAGICTEST', secretAccessKey: 'test-secret-key' };
export const TOPIC_ARN = `arn:aws:sns:${REGION}:123456789012:movie-magic-tickets`;

/** Records every SNS request (form fields + headers) and answers Publish like SNS does. */
export function snsHandler(requests: { form: URLSearchParams; headers: Headers }[]) {
  return http.post(SNS_URL, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    requests.push({ form, headers: request.headers });
    return HttpResponse.xml(
      `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>msg-${requests.length}</MessageId></PublishResult><ResponseMetadata><RequestId>req-${requests.length}</RequestId></ResponseMetadata></PublishResponse>`,
    );
  });
}
