import { type DataFault, topObjects } from './answered';

/**
 * `extension-fields`: each object of an answer (each item of a list) carries fields the spec does not
 * define, a value and an object, as partners add their own data (`x_...`, `internal_ref`).
 */
export const extensionFields: DataFault = (data) => {
  for (const object of topObjects(data)) {
    object.x_simulated_note = 'a field of our own, not in the spec';
    object.x_simulated_flags = { reviewed: true };
  }
  return data;
};
