export * from './platform';
export * from './parse';
export * from './names';
