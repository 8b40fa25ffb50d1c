export * from '../api/status.js';
