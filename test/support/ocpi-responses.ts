// Small builders for what a partner's server answers, for the HTTP tests.
import { HttpResponse } from 'msw';

export const TIMESTAMP = '2024-06-01T12:00:00Z';

/** An OCPI response envelope as JSON, with optional headers. */
export function ocpi(
  data: unknown,
  init: {
    status_code?: number;
    status_message?: string;
    headers?: Record<string, string>;
    status?: number;
  } = {},
) {
  const body: Record<string, unknown> = { status_code: init.status_code ?? 1000, timestamp: TIMESTAMP };
  if (data !== undefined) body.data = data;
  if (init.status_message !== undefined) body.status_message = init.status_message;
  return HttpResponse.json(body, {
    status: init.status ?? 200,
    ...(init.headers && { headers: init.headers }),
  });
}

/** A minimal valid OCPI 2.2.1 Location. */
export function location221(id: string) {
  return {
    country_code: 'NL',
    party_id: 'CPO',
    id,
    publish: true,
    address: 'Stationsplein 1',
    city: 'Utrecht',
    country: 'NLD',
    coordinates: { latitude: '52.089444', longitude: '5.110278' },
    time_zone: 'Europe/Amsterdam',
    last_updated: TIMESTAMP,
  };
}

/** A minimal valid OCPI 2.1.1 Location. */
export function location211(id: string) {
  return {
    id,
    type: 'ON_STREET',
    address: 'Stationsplein 1',
    city: 'Utrecht',
    postal_code: '3511ED',
    country: 'NLD',
    coordinates: { latitude: '52.089444', longitude: '5.110278' },
    last_updated: TIMESTAMP,
  };
}
