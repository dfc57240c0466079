// Loket in a NestJS app, compiled as CommonJS (`require('@loket/core')`). Nest parses JSON bodies before a
// controller runs; `rawBody: true` makes it keep the signed bytes as `req.rawBody`, which gateway.node verifies.
import 'reflect-metadata';
import { createGateway, type Gateway } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';
import { All, Body, Controller, Inject, Module, Post, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';

const LOKET = Symbol('loket gateway');

@Controller('webhooks')
class WebhooksController {
  constructor(@Inject(LOKET) private readonly gateway: Gateway) {}

  /** Every channel's webhook (`/webhooks/whatsapp`, …): Loket answers on the raw response. */
  @All(':channel')
  webhook(@Req() req: Request, @Res() res: Response): void {
    this.gateway.node(req, res);
  }
}

@Controller('api')
class EchoController {
  @Post('echo')
  echo(@Body() body: unknown): { received: unknown } {
    return { received: body };
  }
}

async function main(): Promise<void> {
  const gateway = createGateway({
    channels: [
      whatsapp({
        appSecret: process.env.WHATSAPP_APP_SECRET ?? '',
        verifyToken: process.env.WHATSAPP_VERIFY_TOKEN ?? '',
        accessToken: process.env.WHATSAPP_ACCESS_TOKEN ?? '',
        apiBaseUrl: process.env.WHATSAPP_API_BASE_URL, // unset: graph.facebook.com
      }),
    ],
  });
  gateway.on('message', async (event, ctx) => {
    if (event.content.type === 'text') await ctx.reply({ type: 'text', text: `You said: ${event.content.text}` });
  });

  @Module({ controllers: [WebhooksController, EchoController], providers: [{ provide: LOKET, useValue: gateway }] })
  class AppModule {}

  const app = await NestFactory.create<NestExpressApplication>(AppModule, { rawBody: true, logger: ['error'] });
  app.enableShutdownHooks();
  await gateway.start();
  await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
  console.log(`listening on ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}`);
  process.on('SIGTERM', () => {
    void Promise.all([app.close(), gateway.close()]).then(() => process.exit(0));
  });
}

void main();
