/**
 * Every entry point that reads untrusted text, in one module for BudgetedModule's thread: the paste
 * parsers (detection, normalisation, the per-source parsers and their pieces) and the search-query
 * parser. A new parser is added here to get the time-budget tests.
 */
export { detectAndParse, detectSource } from '../../../shared/paste/detect';
export { normaliseLines, parseCount } from '../../../shared/paste/normalise';
export { endsLikeAbstract, parseAuthorLine, parseScholarfeed, scholarfeedSignatures } from '../../../shared/paste/scholarfeed';
export { parseQuery } from '../../../shared/search/parse';
export { parseAs } from './parse-as';
