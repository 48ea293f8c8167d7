import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'The queued job to cancel.' })
export class CancelJobInput {
  @Field(() => ID, { description: 'The job (it must still be queued).' })
  id!: string;
}
