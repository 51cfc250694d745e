export * from './schema';
export * from './answers';
export * from './screening';
export * from './templateFile';
export * from './translations';
