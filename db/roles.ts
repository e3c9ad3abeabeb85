/** The roles a bearer token grants (the api_token.role column): an admin can do everything an editor can. */
export const ROLES = ['editor', 'admin'] as const
export type Role = (typeof ROLES)[number]
