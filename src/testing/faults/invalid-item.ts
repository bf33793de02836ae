import { type DataFault, topObjects } from './answered';

/**
 * `invalid-item`: one item of each list page, the middle one, lacks `last_updated`, a field every listed
 * object requires: a client keeping the rest of the page leaves out that one item.
 */
export const invalidItem: DataFault = (data, { list }) => {
  const items = list ? topObjects(data) : [];
  const broken = items[Math.floor(items.length / 2)];
  if (broken !== undefined) delete broken.last_updated;
  return data;
};
