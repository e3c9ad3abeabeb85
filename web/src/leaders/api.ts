/** The leaders' pages' operations and their types: they live with the other operations, in web/src/api/leaders.ts. */
export * from '../api/leaders.ts'
