// Subscribes to letterAdded over graphql-transport-ws with the graphql-ws client (the
// one browsers use), as cmd/lettergraph's TestSubscriptionWithGraphQLWSClient does.
// Prints `subscribed` once the server has acknowledged the connection and the
// subscription is sent, then each letter's title as one JSON line; exits 0 after COUNT
// letters (1 by default), 1 on any error, on the end of the subscription or after 30 s.
// Titles starting with the --ignore prefix are printed but not counted (a test's
// probes). LETTERGRAPH_TOKEN, when set, goes in the connection_init payload as
// {"Authorization": "Bearer <token>"}.
//
//	node scripts/http-audit/subscribe.mjs [--ignore PREFIX] http://127.0.0.1:8080/graphql [COUNT]
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const args = process.argv.slice(2);
let ignore = null;
if (args[0] === '--ignore') {
  ignore = args[1];
  args.splice(0, 2);
}
const [url, countArg = '1'] = args;
const count = Number(countArg);
if (!url || ignore === undefined || !Number.isInteger(count) || count < 1 || args.length > 2) {
  console.error('usage: node subscribe.mjs [--ignore PREFIX] URL [COUNT]');
  process.exit(2);
}
const token = process.env.LETTERGRAPH_TOKEN;

let seen = 0;
let finished = false;

// finish writes the last line and exits once it is written (stdout may be a pipe).
function finish(code, stream, line) {
  if (finished) return;
  finished = true;
  client.dispose();
  stream.write(line + '\n', () => process.exit(code));
}

function fail(what, err) {
  const detail =
    err && typeof err === 'object' && 'code' in err && 'reason' in err
      ? `closed ${err.code} ${err.reason}` // a CloseEvent
      : Array.isArray(err)
        ? JSON.stringify(err) // GraphQL errors
        : String(err?.message ?? err);
  finish(1, process.stderr, `${what}: ${detail}`);
}

setTimeout(() => fail('timeout', `${seen} of ${count} letters within 30 s`), 30_000);

let subscribed = false;
const client = createClient({
  url: url.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  lazy: false,
  retryAttempts: 0,
  connectionParams: token ? { Authorization: `Bearer ${token}` } : undefined,
  onNonLazyError: (err) => fail('connection', err),
  on: {
    // Any close is the end: graphql-ws would reconnect after a close with 1000 (which
    // is how gqlgen refuses a connection_init), and resubscribe, silently.
    closed: (event) => fail('connection', event),
    connected: () => {
      if (subscribed) return;
      subscribed = true;
      client.subscribe(
        { query: 'subscription { letterAdded { title } }' },
        {
          next: (result) => {
            if (finished) return;
            if (result.errors?.length) return fail('subscription', result.errors);
            const title = result.data?.letterAdded?.title;
            const line = JSON.stringify(title ?? null);
            if (ignore !== null && typeof title === 'string' && title.startsWith(ignore)) {
              console.log(line);
              return;
            }
            if (++seen < count) console.log(line);
            else finish(0, process.stdout, line);
          },
          error: (err) => fail('subscription', err),
          complete: () => fail('subscription', `ended after ${seen} of ${count} letters`),
        },
      );
      console.log('subscribed');
    },
  },
});
