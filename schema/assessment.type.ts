import { Field, Float, Int, ObjectType } from 'type-graphql'
import { AssessmentMethod, AssessmentStatus } from './enums.ts'
import { IndicatorValue } from './indicator.type.ts'

@ObjectType({
  simpleResolvers: true,
  description:
    'Where an indicator stands for one region: the observed annual rate from the baseline to the latest actual against the rate ' +
    'required from the baseline to the target (Open SDG / Statistics Canada). Rates are fractions for COMPOUND_GROWTH ' +
    '(0.0197 = 1.97 % a year) and base units per year for LINEAR_CHANGE.',
})
export class Assessment {
  @Field(() => AssessmentStatus, { description: 'The verdict; NO_DATA without an actual.' }) status!: AssessmentStatus
  @Field(() => AssessmentMethod, { description: 'How the rates were computed.' }) method!: AssessmentMethod
  @Field(() => Boolean, {
    nullable: true,
    description: "The latest actual against the plan's milestone for its year (for a RANGE target: the range); null when there is none.",
  })
  milestoneMet!: boolean | null
  @Field(() => Float, { nullable: true, description: 'Annual rate observed from the baseline to the latest actual.' })
  observedAnnualRate!: number | null
  @Field(() => Float, { nullable: true, description: "Annual rate required from the baseline to reach the target in the plan's years." })
  requiredAnnualRate!: number | null
  @Field(() => Float, {
    nullable: true,
    description: 'Annual rate needed from the latest actual to reach the target in the years left; null when none are left.',
  })
  remainingAnnualRate!: number | null
  @Field(() => Float, {
    nullable: true,
    description: 'observedAnnualRate / requiredAnnualRate: ≥ 0.95 on track, 0.6–0.95 acceleration needed, 0–0.6 limited, < 0 deterioration.',
  })
  rateRatio!: number | null
  @Field(() => Int, {
    nullable: true,
    description: 'First year whose value, at the observed pace, meets the target; null when never (within 100 years) or unknown.',
  })
  projectedYear!: number | null
  @Field(() => IndicatorValue, { nullable: true, description: 'The latest actual the assessment rests on.' }) latestActual!: IndicatorValue | null
  @Field(() => IndicatorValue, { nullable: true, description: "The baseline used (the region's own)." }) baseline!: IndicatorValue | null
  @Field(() => IndicatorValue, { nullable: true, description: "The target used (the region's own)." }) target!: IndicatorValue | null
}
