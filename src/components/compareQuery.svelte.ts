/**
 * The comparison's choice as it stands in the address (`?r=110000,310000`), shared with the
 * language switch so that the other language opens the same comparison. Set in the browser only:
 * the prerendered pages have no choice.
 */
export const compareQuery = $state({ search: '' });
