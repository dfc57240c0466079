import { DB_MIGRATE_HELP } from '../db/db-migrate-command.js';

/** `loket --help` and each command's `--help`. */
export const HELP: Record<string, string> = {
  loket: `loket: run, simulate, replay and debug Loket webhooks

Usage: loket <command> [options]

Commands:
  dev                 gateway + platform emulator + dev console on http://localhost:3000
  simulate            send a signed customer message to a running gateway
  replay              replay recorded webhook fixtures against a gateway
  doctor signature    explain why a webhook signature does (not) match
  doctor webhook      run the platform's subscription handshake against a deployed gateway
  db migrate          print or apply the PostgreSQL store's schema migrations

Run \`loket <command> --help\` for its options.`,

  dev: `loket dev: gateway + platform emulator + dev console, on one port

Usage: loket dev [--port 3000] [--host 127.0.0.1] [--store sqlite|memory|postgres://...] [--data-dir .loket]
                 [--public-url https://...] [--no-echo] [--config loket.config.json]

Every installed channel package (@loket/whatsapp, @loket/messenger, @loket/instagram) is served at
/webhooks/<channel>. A channel talks to the built-in emulator unless its credentials are set, in the
environment (WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID;
MESSENGER_* with MESSENGER_PAGE_ID; INSTAGRAM_* with INSTAGRAM_ACCOUNT_ID) or in loket.config.{json,mjs,js,ts};
then it talks to the real platform and the webhook URL to register is printed.

Options:
  --port <n>          port of the console and the webhook routes (default 3000, or LOKET_PORT)
  --host <host>       interface to listen on (default 127.0.0.1, or LOKET_HOST)
  --store <kind>      sqlite (default, in --data-dir), memory, or a postgres:// URL (@loket/store-postgres)
                      (or LOKET_STORE)
  --data-dir <dir>    where the SQLite file lives (default .loket)
  --public-url <url>  the https URL platforms reach (a tunnel), for the printed webhook URLs
  --no-echo           do not answer customer messages on emulated channels
  --config <file>     a config file other than loket.config.*`,

  simulate: `loket simulate: send a signed customer message to a running gateway

Usage: loket simulate <channel> <text> [--from <user>] [--name <name>] [--url http://localhost:3000]
                      [--secret <app secret>] [--account <id>] [--wait <ms>]

Builds the webhook the platform would send (its real shape and serialization), signs it with the app
secret, POSTs it to <url>/webhooks/<channel> and prints what the gateway answered. Against \`loket dev\` it
also prints what the gateway did with it: the normalized events, the reply and its statuses.

Options:
  --from <user>       the customer id (default: a dev customer)
  --name <name>       the customer's profile name (WhatsApp)
  --url <gateway>     the gateway's base URL (default http://localhost:3000, or LOKET_URL)
  --secret <secret>   the app secret the gateway verifies with (default: <CHANNEL>_APP_SECRET, else loket dev's)
  --account <id>      the business account (WhatsApp phone_number_id, Page id, IG account id)
  --wait <ms>         how long to watch loket dev for the outcome (default 3000; 0 to not wait)`,

  replay: `loket replay: replay recorded webhook fixtures against a gateway

Usage: loket replay <file|dir> --url <gateway> [--channel <c>] [--secret <app secret>]

Sends each recorded body (*.json, not *.events.json) as raw bytes, re-signed with the target's secret, to
<url>/webhooks/<channel>, and prints a summary: acknowledged (2xx), refused (4xx), failed (5xx, unreachable).
The channel comes from --channel, the path (fixtures/<channel>/...) or the body's "object" field.
Exits non-zero when anything was refused or failed.

Options:
  --url <gateway>     the gateway's base URL (required, or LOKET_URL)
  --channel <c>       the channel of every file
  --secret <secret>   the app secret the gateway verifies with (default: <CHANNEL>_APP_SECRET, else loket dev's)`,

  'doctor signature': `loket doctor signature: explain why a webhook signature does (not) match

Usage: loket doctor signature --channel <c> --secret <s> --body <file | -> --signature <header value>

Computes the signature over the exact bytes of <file> (\`--body -\`: of standard input) and compares. When it does not match, it tries the
usual causes and names the one that fits: wrong secret, body re-encoded by a JSON body parser, escaped
unicode lost, hex instead of base64 (or the reverse), missing sha256= prefix, another header (the legacy
SHA-1 X-Hub-Signature). Exits 0 when it matches, 1 when it does not, 2 on a usage error.`,

  'doctor webhook': `loket doctor webhook: check a deployed gateway the way the platform does

Usage: loket doctor webhook --url <public url> [--channel whatsapp] [--verify-token <token>] [--secret <s>]

Sends the subscription handshake (GET ?hub.mode=subscribe&hub.verify_token=..&hub.challenge=..) and reports
what the platform would see: the status, whether the challenge came back exactly, whether a wrong token is
refused, and whether an unsigned POST is refused (and, with --secret, whether a signed one is acknowledged).
A URL without a path gets /webhooks/<channel>. Exits non-zero when a platform would reject the endpoint.

Options:
  --url <url>           the webhook URL (or the gateway's base URL)
  --channel <c>         default whatsapp
  --verify-token <t>    default <CHANNEL>_VERIFY_TOKEN, else loket dev's
  --secret <s>          also POST a signed test webhook (a status update for an unknown message)`,
  'db migrate': DB_MIGRATE_HELP,
};
