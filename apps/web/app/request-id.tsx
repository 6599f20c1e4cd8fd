import { createContext, useContext } from 'react';

const RequestIdContext = createContext<string>('');

/**
 * The id of the document request, shown on the 500 page and logged with the error on the server. The server
 * provides it while rendering; the browser reads it back from the `<meta name="request-id">` it rendered.
 */
export const RequestIdProvider = RequestIdContext.Provider;

export function useRequestId(): string {
  return useContext(RequestIdContext);
}
