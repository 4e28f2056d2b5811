export * from './schema';
export * from './bands';
export * from './grade';
export * from './refund';
export * from './composite';
