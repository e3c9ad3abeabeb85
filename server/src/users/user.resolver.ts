/** User management for admins: list, create, change (display name, role, regions, disabled), reset a password. Every change is audited. */
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql'
import { CreatedUser, CreateUserInput, UpdateUserInput, User } from '../../../schema/user.type.ts'
import type { Context } from '../context.ts'
import { BadUserInputError, NotFoundError } from '../errors.ts'
import { createUser, listUsers, resetPassword, updateUser, UserInputError, UserNotFound, type UserInfo } from './user.repository.ts'

/** Runs `work`, turning its input errors into BAD_USER_INPUT naming the argument (`argumentOf(field)`). */
async function checked<T>(argumentOf: (field: string) => string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof UserInputError) throw new BadUserInputError(argumentOf(error.field), error.message.slice(error.field.length + 2))
    if (error instanceof UserNotFound) throw new NotFoundError('User', error.username)
    throw error
  }
}

const toUser = (u: UserInfo): User => ({ ...u, createdAt: new Date(u.createdAt).toISOString(), updatedAt: new Date(u.updatedAt).toISOString() })

const withoutNulls = <T extends object>(input: T) => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined))

@Resolver(() => User)
export class UserResolver {
  @Query(() => [User], { description: 'Every user, by username (admin).' })
  async users(@Ctx() ctx: Context): Promise<User[]> {
    await ctx.auth.require('admin', 'users')
    return (await listUsers(ctx.db)).map(toUser)
  }

  @Mutation(() => CreatedUser, { description: 'Creates a user with a one-time password, returned once (admin).' })
  async createUser(@Ctx() ctx: Context, @Arg('input', () => CreateUserInput, { description: 'The new user.' }) input: CreateUserInput): Promise<CreatedUser> {
    const viewer = await ctx.auth.require('admin', 'createUser')
    const { user, password } = await checked(
      (f) => `input.${f}`,
      () => createUser(ctx.db, withoutNulls(input) as CreateUserInput, viewer.name),
    )
    return { user: toUser(user), oneTimePassword: password }
  }

  @Mutation(() => User, { description: 'Changes a user (admin); disabling or re-scoping ends their sessions.' })
  async updateUser(
    @Ctx() ctx: Context,
    @Arg('username', () => ID, { description: 'Whom to change.' }) username: string,
    @Arg('input', () => UpdateUserInput, { description: 'What to change.' }) input: UpdateUserInput,
  ): Promise<User> {
    const viewer = await ctx.auth.require('admin', 'updateUser')
    if (viewer.username === username.trim().toLowerCase() && (input.disabled === true || (input.role && input.role !== 'admin'))) {
      throw new BadUserInputError('input', 'an admin cannot disable or demote themselves (ask another admin)')
    }
    return toUser(
      await checked(
        (f) => (f === 'username' ? f : `input.${f}`),
        () => updateUser(ctx.db, username, withoutNulls(input), viewer.name),
      ),
    )
  }

  @Mutation(() => String, { description: 'Gives a user a new one-time password (returned once), unlocks them and ends their sessions (admin).' })
  async resetPassword(@Ctx() ctx: Context, @Arg('username', () => ID, { description: 'Whose password.' }) username: string): Promise<string> {
    const viewer = await ctx.auth.require('admin', 'resetPassword')
    return checked(
      (f) => f,
      () => resetPassword(ctx.db, username, viewer.name),
    )
  }
}
