/**
 * A movie poster. Posters are SVG (vector, so one file is sharp at every size); the intrinsic 2:3 size
 * keeps the layout from shifting, and posters below the fold load lazily.
 */
export function PosterImage({ src, title, eager = false }: { src: string; title: string; eager?: boolean }) {
  return (
    <img
      src={src}
      alt={`Poster of ${title}`}
      width={300}
      height={450}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      className="aspect-[2/3] h-auto w-full bg-panel-2 object-cover"
    />
  );
}
