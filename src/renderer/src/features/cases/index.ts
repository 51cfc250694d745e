// Public surface of the cases feature for other features: the cases in memory (codes for the agenda).
export { useCases } from './repository';
