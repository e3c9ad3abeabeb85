/** Errors clients can see, each with a fixed `extensions.code`. */
import { GraphQLError } from 'graphql'

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist`, { extensions: { code: 'NOT_FOUND' } })
  }
}

export class BadUserInputError extends GraphQLError {
  constructor(argument: string, message: string) {
    super(`Argument "${argument}": ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } })
  }
}
