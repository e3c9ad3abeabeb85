/** Errors clients can see, each with a fixed `extensions.code`. */
import { GraphQLError } from 'graphql'

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist`, { extensions: { code: 'NOT_FOUND' } })
  }
}

export class BadUserInputError extends GraphQLError {
  constructor(argument: string, message: string, extensions: Record<string, unknown> = {}) {
    super(`Argument "${argument}": ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument, ...extensions } })
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } })
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } })
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'CONFLICT' } })
  }
}
