/** The roles a bearer token grants (the api_token.role column): an admin can do everything an editor can. */
export const ROLES = ['editor', 'admin'] as const
export type Role = (typeof ROLES)[number]

/**
 * The roles of a user account (the app_user.role column), lowest first: a township editor edits the
 * towns named in app_user_region, an editor the whole county, an admin everything and the users.
 */
export const USER_ROLES = ['township-editor', 'editor', 'admin'] as const
export type UserRole = (typeof USER_ROLES)[number]
