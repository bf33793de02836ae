import { type DataFault, topObjects } from './answered';

/**
 * `version-2.1` (2.1.1): the versions list names 2.1.1 as `2.1`, as many 2.1.1 platforms do; the
 * details URL is unchanged.
 */
export const versionShorthand: DataFault = (data, { versions }) => {
  if (!versions) return data;
  for (const entry of topObjects(data)) if (entry.version === '2.1.1') entry.version = '2.1';
  return data;
};
