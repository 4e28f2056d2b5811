export * from './schema';
export * from './bands';
export * from './grade';
export * from './refund';
export * from './composite';
export * from './scale';
export * from './gradeStatus';
