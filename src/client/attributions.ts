/** The attributions page's anchor of an indicator source: figures link to /attributions#source-<id>. */
export const sourceAnchor = (id: string) => `source-${id.replace(/[^a-z0-9-]/gi, '-')}`;
