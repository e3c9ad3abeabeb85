import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql'
import { USER_ROLES, type UserRole as UserRoleValue } from '../db/roles.ts'

/** The roles of a user, as GraphQL names them; the values are those of db/roles.ts (`app_user.role`). */
export const UserRole = { TOWNSHIP_EDITOR: 'township-editor', EDITOR: 'editor', ADMIN: 'admin' } as const satisfies Record<string, UserRoleValue>
export type UserRole = UserRoleValue
// Every role of db/roles.ts has a GraphQL name (a compile error names the missing one).
const _covered: Record<UserRoleValue, true> = Object.fromEntries(USER_ROLES.map((r) => [r, true])) as Record<(typeof UserRole)[keyof typeof UserRole], true>
void _covered

registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What a user may edit.',
  valuesConfig: {
    TOWNSHIP_EDITOR: { description: 'The towns listed in regions: their service points and indicator values (乡镇编辑).' },
    EDITOR: { description: 'The whole county: service points, GI products and actual indicator values (县级编辑).' },
    ADMIN: { description: "Everything, the plan's own figures, boundaries and the users (管理员)." },
  },
})

@ObjectType({ description: 'A steward of the data: signs in to the web app (visible to admins only).' })
export class User {
  @Field(() => ID, { description: 'Sign-in name: lower-case letters, digits, ".", "_" or "-".' }) username!: string
  @Field(() => String, { description: 'The name shown in the history of changes.' }) displayName!: string
  @Field(() => UserRole, { description: 'What the user may edit.' }) role!: UserRole
  @Field(() => [ID], { description: 'Region codes a township editor may edit (empty: the whole county).' }) regions!: string[]
  @Field(() => Boolean, { description: 'A disabled user cannot sign in; their sessions ended when they were disabled.' }) disabled!: boolean
  @Field(() => Boolean, { description: 'Still has the one-time password they were given.' }) mustChangePassword!: boolean
  @Field(() => String, { description: 'When the account was made (ISO 8601).' }) createdAt!: string
  @Field(() => String, { description: 'When the account last changed (ISO 8601).' }) updatedAt!: string
}

@ObjectType({ description: 'A new account and its one-time password (shown only now; the user changes it after signing in).' })
export class CreatedUser {
  @Field(() => User, { description: 'The account.' }) user!: User
  @Field(() => String, { description: 'The one-time password: hand it over privately.' }) oneTimePassword!: string
}

@InputType({ description: 'A new user.' })
export class CreateUserInput {
  @Field(() => ID, { description: 'Sign-in name, 2–32 characters: a–z, digits, ".", "_" or "-".' }) username!: string
  @Field(() => String, { nullable: true, description: 'The name shown in the history, e.g. 张三 · 新村镇 (default: the username).' }) displayName?:
    string | null
  @Field(() => UserRole, { description: 'What the user may edit.' }) role!: UserRole
  @Field(() => [ID], { nullable: true, description: 'Region codes a township editor may edit (at least one for them; none for an admin).' }) regions?:
    string[] | null
}

@InputType({ description: 'Changes to a user; fields left out keep their value.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: 'The name shown in the history.' }) displayName?: string | null
  @Field(() => UserRole, { nullable: true, description: 'What the user may edit.' }) role?: UserRole | null
  @Field(() => [ID], { nullable: true, description: 'Region codes a township editor may edit.' }) regions?: string[] | null
  @Field(() => Boolean, { nullable: true, description: 'Disable (true) or enable (false) the account; disabling ends its sessions.' }) disabled?: boolean | null
}
