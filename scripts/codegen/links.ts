/** Link targets as written in type cells: `file#anchor`, `#anchor` or a bare asciidoc anchor id. */
import type { LinkTarget } from './model';

/**
 * Splits `types.md#12-cistring-type` or `types.asciidoc#types_cistring_type` into file and anchor.
 * A target without `#` is a file when it has a spec file extension, else an anchor (asciidoc
 * `<<mod_locations_evse_object,EVSE>>` points into the same file).
 */
export function parseLinkTarget(target: string): LinkTarget {
  const hash = target.indexOf('#');
  if (hash >= 0) return withoutEmpty(target.slice(0, hash), target.slice(hash + 1));
  if (target.endsWith('.md') || target.endsWith('.asciidoc')) return withoutEmpty(target, '');
  return withoutEmpty('', target);
}

function withoutEmpty(file: string, anchor: string): LinkTarget {
  const link: LinkTarget = {};
  if (file !== '') link.file = file;
  if (anchor !== '') link.anchor = anchor;
  return link;
}
