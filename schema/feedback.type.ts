import { Field, ID, InputType, Int, ObjectType } from 'type-graphql'
import { FeedbackKind, FeedbackStatus, FeedbackSubjectType } from './enums.ts'

/** Longest feedback message or answer, in characters. */
export const MAX_FEEDBACK_MESSAGE = 2000
/** Longest contact (an e-mail address or a telephone number), in characters. */
export const MAX_FEEDBACK_CONTACT = 200

@InputType({ description: 'What a piece of feedback is about: a service point (by id), a region (by code), an indicator (by code), or the site (id `site`).' })
export class FeedbackSubjectInput {
  @Field(() => FeedbackSubjectType, { description: 'The kind of subject.' }) type!: FeedbackSubjectType
  @Field(() => ID, { description: 'Its id or code; `site` for the site in general.' }) id!: string
}

@InputType({ description: 'A correction or a data request from anyone (no account needed).' })
export class SendFeedbackInput {
  @Field(() => FeedbackKind, { description: 'CORRECTION or DATA_REQUEST.' }) kind!: FeedbackKind
  @Field(() => FeedbackSubjectInput, { description: 'What it is about (checked to exist).' }) subject!: FeedbackSubjectInput
  @Field(() => String, { description: `Plain text, 1–${MAX_FEEDBACK_MESSAGE} characters; HTML tags are refused.` }) message!: string
  @Field(() => String, {
    nullable: true,
    description: `How stewards may reach the sender (≤ ${MAX_FEEDBACK_CONTACT} characters); only with mayContact. Never shown publicly, never in downloads.`,
  })
  contact?: string | null
  @Field(() => Boolean, { defaultValue: false, description: 'The sender agrees to be contacted at `contact`.' }) mayContact!: boolean
  @Field(() => Boolean, { defaultValue: false, description: 'The sender agrees that the message and its answers are published once answered.' })
  publish!: boolean
  @Field(() => ID, { nullable: true, description: "The county, for an indicator or the site; defaults to the platform's default county." })
  county?: string | null
}

@ObjectType({ simpleResolvers: true, description: "A steward's answer to a piece of feedback." })
export class FeedbackAnswer {
  @Field(() => ID, { description: 'Increasing with time.' }) id!: string
  @Field(() => String, { description: 'Plain text.' }) message!: string
  @Field(() => String, { description: "Who answered, as the public may see it (a token's purpose or its holder's chosen name)." }) author!: string
  @Field(() => String, { description: 'When (ISO 8601).' }) at!: string
}

@ObjectType({
  simpleResolvers: true,
  description: 'A piece of feedback as the public sees it: published only when answered and the sender agreed; never the contact.',
})
export class PublicFeedback {
  @Field(() => ID, { description: 'Increasing with time.' }) id!: string
  @Field(() => FeedbackKind, { description: 'CORRECTION or DATA_REQUEST.' }) kind!: FeedbackKind
  @Field(() => FeedbackSubjectType, { description: 'What it is about.' }) subjectType!: FeedbackSubjectType
  @Field(() => ID, { description: 'The id or code of the subject.' }) subjectId!: string
  @Field(() => String, { description: 'The message, plain text (show it as text, never as HTML).' }) message!: string
  @Field(() => FeedbackStatus, { description: 'ANSWERED or DONE.' }) status!: FeedbackStatus
  @Field(() => String, { description: 'When it was sent (ISO 8601).' }) at!: string
  @Field(() => [FeedbackAnswer], { description: 'The answers, oldest first.' }) answers!: FeedbackAnswer[]
}

@ObjectType({ simpleResolvers: true, description: 'A piece of feedback as stewards see it in the queue (editors only).' })
export class FeedbackItem extends PublicFeedback {
  @Field(() => String, { nullable: true, description: 'How to reach the sender; null unless they agreed to be contacted.' }) contact!: string | null
  @Field(() => Boolean, { description: 'The sender agreed to be contacted.' }) mayContact!: boolean
  @Field(() => Boolean, { description: 'The sender agreed to publication once answered.' }) publish!: boolean
  @Field(() => ID, { description: 'The county it belongs to.' }) county!: string
  @Field(() => String, { nullable: true, description: 'When a steward marked it done (ISO 8601).' }) closedAt!: string | null
}

@ObjectType({ simpleResolvers: true, description: 'What the sender of feedback is told.' })
export class FeedbackReceipt {
  @Field(() => ID, { description: 'The number of the feedback, to quote when asking about it.' }) id!: string
  @Field(() => FeedbackStatus, { description: 'OPEN.' }) status!: FeedbackStatus
  @Field(() => Boolean, { description: 'Whether it will be published once answered.' }) publish!: boolean
  @Field(() => Int, { description: 'How many more pieces of feedback this client may send in the current window.' }) remaining!: number
}
