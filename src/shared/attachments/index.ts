export * from './schema';
export * from './links';
