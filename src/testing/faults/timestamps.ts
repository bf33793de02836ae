import { type DataFault, rewriteStrings } from './answered';

// A timestamp as the party's data holds them: UTC with a `Z`, optionally a fraction.
const UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?Z$/;

/**
 * `local-timestamps`: every timestamp of an answer's data without its `Z`, as partners whose clocks
 * print local-style times send them. OCPI reads a DateTime without a zone as UTC, so the instant holds.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/types.asciidoc#types_datetime_type
 */
export const localTimestamps: DataFault = (data) => {
  rewriteStrings(data, (text) => (UTC.test(text) ? text.slice(0, -1) : text));
  return data;
};

/**
 * `offset-timestamps`: every timestamp of an answer's data as the same instant at `+02:00`
 * (`2024-05-01T10:00:00Z` becomes `2024-05-01T12:00:00+02:00`); OCPI asks for UTC.
 */
export const offsetTimestamps: DataFault = (data) => {
  rewriteStrings(data, (text) => {
    const match = UTC.exec(text);
    if (!match) return text;
    const shifted = new Date(Date.parse(`${match[1]}Z`) + 2 * 3_600_000).toISOString().slice(0, 19);
    return `${shifted}${match[2] ?? ''}+02:00`;
  });
  return data;
};
