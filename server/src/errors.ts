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
  /** `extensions` adds to the code, e.g. `{ region }` for a scope refusal. */
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'FORBIDDEN', ...extensions } })
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'CONFLICT' } })
  }
}

/** What a client is told when the database cannot be reached right now (HTTP 503 with Retry-After). */
export const DATABASE_UNAVAILABLE_MESSAGE = '数据库暂时不可用，请几秒后重试 · The database is unavailable; try again in a few seconds'

/** The service cannot answer right now, through no fault of the request: HTTP 503 with Retry-After. */
export class ServiceUnavailableError extends GraphQLError {
  constructor(message = DATABASE_UNAVAILABLE_MESSAGE) {
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } })
  }
}
