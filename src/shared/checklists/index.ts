export * from './schema';
export * from './answers';
export * from './screening';
export * from './template-file';
export * from './translations';
