import { vitePlugin as remix } from '@remix-run/dev';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    tailwindcss(),
    remix({
      ignoredRouteFiles: ['**/*.test.ts', '**/*.test.tsx'],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Workspace packages export TypeScript source, which vite's `ssr.external` refuses to externalize. The
    // Node server build leaves them as imports and `tsx` loads them at run time (server/node.ts), so the
    // router and the composition root share one module instance.
    rollupOptions: isSsrBuild ? { external: [/^@movie-magic\//] } : {},
  },
}));
