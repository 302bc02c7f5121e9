// Subscribes to one Mastodon streaming timeline through a real client library and prints what
// arrives, one JSON line per event, for the end-to-end tests:
//
//   node stream_events.mjs masto|megalodon BASE_URL TOKEN STREAM [PARAM]
//
// STREAM is user, user:notification (masto only), public, public:local, hashtag (PARAM = tag),
// list (PARAM = list id) or direct. stdout gets {"ready":true} once connected (masto: the
// socket is open and the subscribe frame sent; megalodon: the socket, whose URL names the
// stream, is open), then {"event":"update","payload":...} per event, the payload parsed as the
// library hands it over: masto camel-cases keys (createdAt, spoilerText, mediaAttachments),
// megalodon rebuilds statuses from the fields it knows (adding plain_content, emoji_reactions,
// quote); a delete's payload is the bare id string with both. megalodon has no user:notification
// stream and drops events it does not know (filters_changed, announcement...) with a parser
// error on stderr. Errors and the libraries' own console output go to stderr as JSON lines.
// SIGTERM or SIGINT: exit 0.
// Failing to connect, or a stream this library cannot open: exit 1 or 2.
import { format } from "node:util";
import { createStreamingAPIClient } from "masto";
import megalodon from "megalodon";

const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
const err = (message, extra = {}) => process.stderr.write(JSON.stringify({ error: String(message), ...extra }) + "\n");
// Both libraries log with console.* (megalodon even to stdout); keep stdout for events only.
// Errors and error events are logged by their message.
const text = (args) => format(...args.map((a) => (a && typeof a === "object" && "message" in a ? a.message : a)));
for (const level of ["log", "info", "warn", "debug"]) {
  console[level] = (...args) => process.stderr.write(JSON.stringify({ log: text(args) }) + "\n");
}
console.error = (...args) => err(text(args));

const [client, baseUrl, token, stream, param] = process.argv.slice(2);
const streams = ["user", "user:notification", "public", "public:local", "hashtag", "list", "direct"];
if (!["masto", "megalodon"].includes(client) || !baseUrl || !token || !streams.includes(stream) ||
    (["hashtag", "list"].includes(stream) && !param)) {
  err(`usage: node stream_events.mjs masto|megalodon BASE_URL TOKEN ${streams.join("|")} [TAG|LIST_ID]`);
  process.exit(2);
}

let ready = false;
let stop = () => {};
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    stop();
    process.exit(0);
  });
}
const fail = (message) => {
  err(message);
  process.exit(1);
};

async function viaMasto() {
  const masto = createStreamingAPIClient({
    streamingApiUrl: baseUrl.replace(/^http/, "ws"),
    accessToken: token, // sent as the Sec-WebSocket-Protocol, which the server must echo
    retry: false, // fail instead of retrying forever when the server refuses the connection
  });
  stop = () => masto.close();
  // "public:local" -> masto.public.local, which subscribes with {"type":"subscribe","stream":"public:local"}
  const resource = stream.split(":").reduce((r, part) => r[part], masto);
  const params = stream === "hashtag" ? { tag: param } : stream === "list" ? { list: param } : undefined;
  const subscription = params ? resource.subscribe(params) : resource.subscribe();
  await masto.prepare(); // the socket is open
  const events = subscription[Symbol.asyncIterator]();
  const first = events.next(); // sends the subscribe frame within the current microtasks
  await new Promise((resolve) => setImmediate(resolve));
  ready = true;
  out({ ready: true });
  for (let next = await first; !next.done; next = await events.next()) {
    out({ event: next.value.event, payload: next.value.payload });
  }
  fail("the stream ended");
}

async function viaMegalodon() {
  const api = megalodon.default("mastodon", baseUrl, token);
  // Each finds the streaming URL in GET /api/v1/instance (urls.streaming_api) and connects to
  // {streaming_api}/api/v1/streaming?stream=...&access_token=TOKEN.
  const open = {
    user: () => api.userStreaming(),
    public: () => api.publicStreaming(),
    "public:local": () => api.localStreaming(),
    hashtag: () => api.tagStreaming(param),
    list: () => api.listStreaming(param),
    direct: () => api.directStreaming(),
  }[stream];
  if (!open) {
    err(`megalodon has no ${stream} stream`);
    process.exit(2);
  }
  const socket = await open();
  stop = () => socket.stop();
  socket.on("connect", () => {
    if (!ready) out({ ready: true });
    ready = true;
  });
  // megalodon renames status.update; print Mastodon's event names for both clients.
  for (const [name, event] of [["update", "update"], ["status_update", "status.update"],
                                ["notification", "notification"], ["conversation", "conversation"],
                                ["delete", "delete"]]) {
    socket.on(name, (payload) => out({ event, payload }));
  }
  socket.on("parser-error", (e) => err(e?.message ?? e, { kind: "parser" }));
  // Refused or failed before it ever opened: fail now (megalodon would retry every 10 s).
  socket.on("error", (e) => (ready ? err(e?.message ?? e) : fail(e?.message ?? e)));
  socket.on("close", () => err("the server closed the stream", { code: 1000 }));
}

try {
  await (client === "masto" ? viaMasto() : viaMegalodon());
} catch (e) {
  fail(e?.message ?? e);
}
