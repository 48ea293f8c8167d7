import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { DecisionBasisType } from './decision.type.js';

@Resolver(() => DecisionBasisType)
export class DecisionBasisResolver {
  // A field resolver, not part of the decision's one statement: read only when a screen asks for it
  // (the decision tester), so the systems' and partners' busy path costs nothing more.
  @FieldResolver(() => String, {
    nullable: true,
    description: "The exception's title, when the basis is an exception (null otherwise).",
  })
  exceptionTitle(@Root() basis: DecisionBasisType, @Ctx() ctx: Context): Promise<string | null> | null {
    return basis.exceptionId ? services(ctx).names.exceptionTitle(basis.exceptionId) : null;
  }
}
