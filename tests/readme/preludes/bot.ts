// Prelude `bot`: `botHandler`, a handler that answers as the bot.
import type { EventOf as BotPreludeEventOf, HandlerContext as BotPreludeContext } from '@loket/core';

export const botHandler = async (_event: BotPreludeEventOf<'message'>, ctx: BotPreludeContext) => {
  await ctx.reply({ type: 'text', text: 'The bot answers.' });
};
