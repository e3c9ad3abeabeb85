/**
 * Public feedback (报错 / 纠错): anyone sends a correction or a data request (rate-limited per client);
 * editors see the queue, answer and close; answered items the sender agreed to publish are public,
 * with their answers. The sender's contact is only ever in the queue, and only when they agreed to be contacted.
 */
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql'
import { FeedbackStatus, FeedbackSubjectType } from '../../../schema/enums.ts'
import {
  FeedbackItem,
  FeedbackReceipt,
  FeedbackSubjectInput,
  MAX_FEEDBACK_CONTACT,
  MAX_FEEDBACK_MESSAGE,
  PublicFeedback,
  SendFeedbackInput,
} from '../../../schema/feedback.type.ts'
import type { Context } from '../context.ts'
import { resolveCounty } from '../county.ts'
import { BadUserInputError, ConflictError, NotFoundError } from '../errors.ts'
import { feedbackLimiterOf } from './feedback-limit.ts'
import { plainText } from './feedback-text.ts'
import { answerFeedback, closeFeedback, findFeedback, findSubjectCounty, insertFeedback, listFeedback } from './feedback.repository.ts'

/** Largest page of the queue and of public feedback. */
export const MAX_FEEDBACK_PAGE = 200
/** Most subjects one `publicFeedbackAbout` asks about. */
export const MAX_FEEDBACK_SUBJECTS = 100

const SUBJECT_WORDS: Record<FeedbackSubjectType, string> = {
  SERVICE_POINT: '服务站点 · service point',
  REGION: '地区 · region',
  INDICATOR: '指标 · indicator',
  SITE: '网站 · site',
}

function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FEEDBACK_PAGE) throw new BadUserInputError('first', `must be 1–${MAX_FEEDBACK_PAGE}`)
}

function toPublic(item: FeedbackItem): PublicFeedback {
  const { id, kind, subjectType, subjectId, message, status, at, answers } = item
  return { id, kind, subjectType, subjectId, message, status, at, answers }
}

async function requireItem(ctx: Context, id: string): Promise<FeedbackItem> {
  const item = await findFeedback(ctx.db, id)
  if (!item) throw new NotFoundError('Feedback', id)
  return item
}

@Resolver()
export class FeedbackResolver {
  @Mutation(() => FeedbackReceipt, {
    description:
      'Sends a correction or a data request (no account needed). At most 5 from one client address in 10 minutes (RATE_LIMITED, HTTP 429 with Retry-After). ' +
      'The contact is kept for stewards only; the message and answers are published once answered only when `publish` is true.',
  })
  async sendFeedback(
    @Ctx() ctx: Context,
    @Arg('input', () => SendFeedbackInput, { description: 'The feedback.' }) input: SendFeedbackInput,
  ): Promise<FeedbackReceipt> {
    const subjectId = input.subject.id.trim()
    if (!subjectId || subjectId.length > 100) throw new BadUserInputError('input.subject.id', 'must be 1–100 characters')
    const message = plainText('input.message', input.message, MAX_FEEDBACK_MESSAGE)
    let contact: string | null = null
    if (input.contact != null && input.contact.trim() !== '') {
      if (!input.mayContact) throw new BadUserInputError('input.contact', '仅在同意联系时填写 · give a contact only together with mayContact: true')
      contact = plainText('input.contact', input.contact, MAX_FEEDBACK_CONTACT)
      if (/\n/.test(contact)) throw new BadUserInputError('input.contact', 'must be one line')
    } else if (input.mayContact) throw new BadUserInputError('input.contact', '同意联系时请填写联系方式 · give a contact when mayContact is true')
    const county = await resolveCounty(ctx, input.county)
    const subjectCounty = await findSubjectCounty(ctx.db, input.subject.type, subjectId, county)
    if (!subjectCounty) {
      throw new BadUserInputError('input.subject.id', `没有这个${SUBJECT_WORDS[input.subject.type]}: ${subjectId} · no ${input.subject.type} ${subjectId}`)
    }
    const limiter = feedbackLimiterOf(ctx.memo)
    const client = ctx.client ?? 'local'
    const remaining = limiter.check(client)
    limiter.record(client)
    const id = await insertFeedback(ctx.db, {
      county: subjectCounty,
      kind: input.kind,
      subjectType: input.subject.type,
      subjectId,
      message,
      contact,
      mayContact: input.mayContact,
      publish: input.publish,
    })
    return { id, status: FeedbackStatus.OPEN, publish: input.publish, remaining: remaining - 1 }
  }

  @Query(() => [FeedbackItem], { description: "The stewards' queue (editor), newest first; filter by status (default: all)." })
  async feedbackQueue(
    @Ctx() ctx: Context,
    @Arg('statuses', () => [FeedbackStatus], { nullable: true, description: 'OPEN, ANSWERED and/or DONE; all when left out.' })
    statuses?: FeedbackStatus[] | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `How many, 1–${MAX_FEEDBACK_PAGE}.` }) first: number = 50,
  ): Promise<FeedbackItem[]> {
    await ctx.auth.require('editor', 'feedbackQueue')
    checkFirst(first)
    return listFeedback(ctx.db, { statuses, first })
  }

  @Query(() => [PublicFeedback], {
    description: 'Published feedback about a subject, newest first: answered items whose sender agreed to publication, with their answers (never a contact).',
  })
  async publicFeedback(
    @Ctx() ctx: Context,
    @Arg('subject', () => FeedbackSubjectInput, { description: 'The subject.' }) subject: FeedbackSubjectInput,
    @Arg('first', () => Int, { defaultValue: 50, description: `How many, 1–${MAX_FEEDBACK_PAGE}.` }) first: number = 50,
  ): Promise<PublicFeedback[]> {
    checkFirst(first)
    const items = await listFeedback(ctx.db, { publicOnly: true, subject: { type: subject.type, id: subject.id }, first })
    return items.map(toPublic)
  }

  @Query(() => [PublicFeedback], {
    description: `Published feedback about any of several subjects, newest first, at most \`first\` in all: what \`publicFeedback\` gives for each, in one request (a page with feedback under many cards). 1–${MAX_FEEDBACK_SUBJECTS} subjects.`,
  })
  async publicFeedbackAbout(
    @Ctx() ctx: Context,
    @Arg('subjects', () => [FeedbackSubjectInput], { description: `The subjects, 1–${MAX_FEEDBACK_SUBJECTS}.` }) subjects: FeedbackSubjectInput[],
    @Arg('first', () => Int, { defaultValue: 50, description: `How many in all, 1–${MAX_FEEDBACK_PAGE}.` }) first: number = 50,
  ): Promise<PublicFeedback[]> {
    checkFirst(first)
    if (subjects.length < 1 || subjects.length > MAX_FEEDBACK_SUBJECTS)
      throw new BadUserInputError('subjects', `must list 1–${MAX_FEEDBACK_SUBJECTS} subjects (got ${subjects.length})`)
    const items = await listFeedback(ctx.db, { publicOnly: true, subjects: subjects.map((s) => ({ type: s.type, id: s.id })), first })
    return items.map(toPublic)
  }

  @Mutation(() => FeedbackItem, { description: 'Answers a piece of feedback (editor): it becomes ANSWERED (a DONE one stays DONE). Audited.' })
  async answerFeedback(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The feedback.' }) id: string,
    @Arg('message', () => String, { description: `The answer, plain text, 1–${MAX_FEEDBACK_MESSAGE} characters.` }) message: string,
  ): Promise<FeedbackItem> {
    const viewer = await ctx.auth.require('editor', 'answerFeedback')
    const text = plainText('message', message, MAX_FEEDBACK_MESSAGE)
    await requireItem(ctx, id)
    await answerFeedback(ctx.db, id, { message: text, author: viewer.publicLabel, actor: viewer.name })
    return requireItem(ctx, id)
  }

  @Mutation(() => FeedbackItem, { description: 'Marks a piece of feedback done (editor). Audited; CONFLICT when it is done already.' })
  async closeFeedback(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The feedback.' }) id: string): Promise<FeedbackItem> {
    const viewer = await ctx.auth.require('editor', 'closeFeedback')
    await requireItem(ctx, id)
    if (!(await closeFeedback(ctx.db, id, viewer.name))) throw new ConflictError(`Feedback ${id} is done already`)
    return requireItem(ctx, id)
  }
}
