/**
 * Each Telegram user's bounded share (src/user-limit.ts), checked before an
 * update waits in its chat's queue or touches the database: what one user
 * sends too fast is declined at once, so it holds up nobody — and the user
 * is told so, once a window. A declined button press is still answered, so
 * the button stops spinning.
 */
import type { Context, Middleware } from 'grammy';
import type { UserLimiter } from '../../src/user-limit.ts';

export interface FloodGuardDeps {
  limiter: UserLimiter;
  /** Tells the user in their chat that messages were skipped. */
  tell(ctx: Context): Promise<void>;
  /** Answers a declined button press; with `text` when the user should hear why. */
  answerPress(ctx: Context, text: boolean): Promise<void>;
}

export function floodGuard(deps: FloodGuardDeps): Middleware<Context> {
  return async (ctx, next) => {
    // Updates without a person (a channel post) and the user blocking the bot are not theirs to limit.
    if (!ctx.from || ctx.myChatMember) return next();
    const admission = deps.limiter.admit(`telegram:${ctx.from.id}`);
    if (admission === 'admitted') return next();
    if (ctx.callbackQuery) return deps.answerPress(ctx, admission === 'notice');
    if (admission === 'notice') await deps.tell(ctx);
  };
}
