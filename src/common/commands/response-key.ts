import { trimTrailing } from '../text/trim-trailing';

/**
 * The key a result is expected under: the URL is ours, so its path and query identify it. Behind a
 * proxy that ends TLS the handler may see another scheme or host than the one we gave the CPO, and a
 * trailing slash may come and go.
 */
export function responseKey(url: string): string {
  const parsed = new URL(url);
  return `${trimTrailing(parsed.pathname, '/')}${parsed.search}`;
}
