/** Links from generated code to the spec section a definition comes from, at the pinned tag. */
import type { SourceRef } from './model';

const REPOSITORY = 'https://github.com/ocpi/ocpi/blob';

/** The GitHub URL of a definition's section: its asciidoc anchor, or the heading's markdown slug. */
export function specLink(tag: string, source: SourceRef): string {
  return `${REPOSITORY}/${tag}/${source.file}#${source.anchor ?? markdownSlug(source.section)}`;
}

// GitHub's heading ids: the rendered text (emphasis markers gone), lower-cased, punctuation dropped,
// spaces turned into hyphens. "3.1 _Location_ Object" becomes "31-location-object".
function markdownSlug(heading: string): string {
  return heading
    .replace(/[*_`]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}
