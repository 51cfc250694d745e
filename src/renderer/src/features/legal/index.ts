// Public surface of the legal feature for other features: the corpus, loaded on first use (the
// follow-up form cites the minimum durations it gives).
export { loadLegalIndex } from './data';
