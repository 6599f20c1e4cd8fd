import { RemixBrowser } from '@remix-run/react';
import { StrictMode, startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { NonceProvider } from './nonce.js';
import { RequestIdProvider } from './request-id.js';

// Read back what the server rendered so hydration matches (the nonce itself is hidden from the DOM by
// browsers, so components use it only on the server).
const requestId = document.querySelector('meta[name="request-id"]')?.getAttribute('content') ?? '';

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <NonceProvider value="">
        <RequestIdProvider value={requestId}>
          <RemixBrowser />
        </RequestIdProvider>
      </NonceProvider>
    </StrictMode>,
  );
});
