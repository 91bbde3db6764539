/** @module The domain model: one schema per concept, used by importers, database, API and pages. */
export * from './access.js';
export * from './block.js';
export * from './section.js';
export * from './participant.js';
export * from './item.js';
export * from './document.js';
export * from './authority.js';
export * from './organization.js';
export * from './person.js';
export * from './membership.js';
export * from './legislative-term.js';
export * from './location.js';
export * from './meeting.js';
export * from './paper.js';
export * from './file.js';
export * from './version.js';
export * from './viewer.js';
