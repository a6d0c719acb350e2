/**
 * The figure reader as a script of its own (/assets/search-figures.js, bundled by
 * src/search/bundle-script.ts), which the search page imports only for a query that may hold a
 * number (src/search/query.ts: mayHoldNumber): the number and figure readers are most of its
 * weight.
 */
export { figureReader } from '../figure-match.ts';
