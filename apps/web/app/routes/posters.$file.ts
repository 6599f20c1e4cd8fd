/**
 * /posters/<movieId>.svg: generated poster art (the demo catalog has no real posters). The art for an id
 * never changes, so browsers may keep it for a day and revalidate after.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';

export function loader({ params, context }: LoaderFunctionArgs) {
  const match = /^([a-z0-9][a-z0-9-]{0,63})\.svg$/.exec(params.file ?? '');
  const svg = match?.[1] ? context.services.posterSvg(match[1]) : null;
  if (!svg) return new Response('No such poster', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return new Response(svg, {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800',
    },
  });
}
