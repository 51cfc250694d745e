export * from './schema';
export * from './kinds';
export * from './dates';
export * from './agenda';
export * from './suggestions';
export * from './links';
export * from './ics';
export * from './summary';
