import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
  useSubmit,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { GeneralErrorBoundary } from './components/error-boundary.js';
import { loadRoot } from './lib/root.server.js';
import { useNonce } from './nonce.js';
import { useRequestId } from './request-id.js';
import stylesheet from './tailwind.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [
  { title: 'Movie Magic: book movie tickets' },
  { name: 'description', content: 'Find what is showing near you and book your seats in seconds.' },
];

export async function loader(args: LoaderFunctionArgs) {
  const { headers, ...root } = await loadRoot(args);
  return data(root, { headers });
}

export type RootData = Omit<Awaited<ReturnType<typeof loadRoot>>, 'headers'>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>('root') as RootData | undefined;
}

function CityPicker({ data }: { data: RootData }) {
  const location = useLocation();
  const submit = useSubmit();
  if (!data.city) return null;
  return (
    <Form
      method="post"
      action="/city"
      className="flex items-center gap-2"
      onChange={(e) => submit(e.currentTarget)}
    >
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="city-picker" className="sr-only">
        City
      </label>
      <select
        id="city-picker"
        name="cityId"
        defaultValue={data.city.id}
        key={data.city.id}
        className="rounded-lg border border-line bg-panel-2 px-2 py-1.5 text-sm text-ink"
      >
        {data.cities.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="btn-ghost py-1.5">
          Change city
        </button>
      </noscript>
    </Form>
  );
}

function Header({ data }: { data: RootData | undefined }) {
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `whitespace-nowrap rounded-md px-2 py-1 text-sm ${isActive ? 'text-gold-strong' : 'text-ink hover:text-gold-strong'}`;
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-screen/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link
          to="/"
          className="mr-auto flex items-center gap-2 text-lg font-extrabold tracking-tight text-ink"
        >
          <span aria-hidden="true" className="text-gold">
            ★
          </span>
          Movie Magic
        </Link>
        {data ? <CityPicker data={data} /> : null}
        <nav aria-label="Account" className="flex items-center gap-1">
          {data?.user ? (
            <>
              <NavLink to="/bookings" className={navClass}>
                My bookings
              </NavLink>
              {data.user.role !== 'customer' ? (
                <NavLink to="/staff/checkin" className={navClass}>
                  Check-in
                </NavLink>
              ) : null}
              <NavLink to="/account" className={navClass}>
                Account
              </NavLink>
              <Form method="post" action="/logout">
                <button
                  type="submit"
                  className="whitespace-nowrap rounded-md px-2 py-1 text-sm text-ink hover:text-gold-strong"
                >
                  Sign out
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login" className={navClass}>
                Sign in
              </NavLink>
              <NavLink to="/register" className={navClass}>
                Register
              </NavLink>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const requestId = useRequestId();
  const data = useRootData();
  return (
    <html lang="en-IN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b0b10" />
        <meta name="request-id" content={requestId} />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 btn-primary"
        >
          Skip to content
        </a>
        <Header data={data} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 pb-16 pt-6">
          {children}
        </main>
        <footer className="border-t border-line py-6 text-center text-sm text-muted">
          Movie Magic · a demo cinema booking product · payments use a test gateway
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
