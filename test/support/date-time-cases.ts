/** Timestamps that no version's strict DateTime accepts, with the reason. */
export const INVALID_DATE_TIMES: [value: string, reason: string][] = [
  ['2015-06-29T20:39:09+00:00', 'an offset, even +00:00 (the spec says it is not UTC)'],
  ['2015-06-29T22:39:09+02:00', 'a non-zero offset'],
  ['2015-06-29T20:39:09.123456Z', 'a fraction that makes it longer than 25 characters'],
  ['2015-06-29 20:39:09Z', 'a space instead of T'],
  ['2015-06-29t20:39:09z', 'lower-case t and z'],
  ['2015-06-29T20:39Z', 'no seconds'],
  ['2015-06-29', 'a date alone'],
  ['20150629T203909Z', 'the ISO 8601 basic format'],
  ['2015-02-29T20:39:09Z', 'a day that does not exist'],
  ['2015-13-01T20:39:09Z', 'month 13'],
  ['2015-06-29T24:00:00Z', 'hour 24'],
  ['2015-06-29T20:39:60Z', 'leap second 60'],
  ['2015-06-29T20:39:09.Z', 'a dot without digits'],
  ['', 'an empty string'],
];
