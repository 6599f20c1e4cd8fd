/**
 * TEST-ONLY: reads and writes seat items with raw DynamoDB calls, bypassing the adapter, so the contract
 * suite checks what is really stored (and the negative control can write without any condition).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreBackdoor, StoredSeat } from '../testing/contract.js';

export function dynamoBackdoor(options: {
  table: string;
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}): StoreBackdoor & { close(): void } {
  const client = new DynamoDBClient(options);
  const doc = DynamoDBDocumentClient.from(client);
  return {
    async seatOwners(showtimeId) {
      const owners = new Map<string, StoredSeat>();
      let startKey: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(
          new QueryCommand({
            TableName: options.table,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :seat)',
            ExpressionAttributeValues: { ':pk': `SHOW#${showtimeId}`, ':seat': 'SEAT#' },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of out.Items ?? []) {
          owners.set(String(item.seatId), {
            status: item.state as StoredSeat['status'],
            userId: String(item.userId),
            holdId: item.holdId ? String(item.holdId) : null,
            bookingId: item.bookingId ? String(item.bookingId) : null,
            expiresAt: item.expiresAt ? String(item.expiresAt) : null,
          });
        }
        startKey = out.LastEvaluatedKey;
      } while (startKey);
      return owners;
    },
    // Unconditional puts, last writer wins: exactly the bug the negative control must catch.
    async forceHold(input) {
      const items = input.seatIds.map((seatId) => {
        const [row, number] = seatId.split('-');
        return {
          PutRequest: {
            Item: {
              PK: `SHOW#${input.showtimeId}`,
              SK: `SEAT#${row}#${String(number).padStart(2, '0')}`,
              seatId,
              state: 'held',
              userId: input.userId,
              holdId: input.holdId,
              expiresAt: input.expiresAt,
            },
          },
        };
      });
      await doc.send(new BatchWriteCommand({ RequestItems: { [options.table]: items } }));
    },
    close() {
      client.destroy();
    },
  };
}
