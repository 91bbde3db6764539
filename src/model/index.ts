/** @module The domain model: one schema per concept, used by importers, database, API and pages. */
export * from './block.js';
export * from './section.js';
export * from './participant.js';
export * from './item.js';
export * from './document.js';
