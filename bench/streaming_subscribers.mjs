// Client side of bench/streaming: opens one WebSocket per token on the user stream
// (GET /api/v1/streaming?stream=user, Authorization: Bearer TOKEN), waits until every one is
// open, then posts as the poster at a fixed rate through POST /api/v1/statuses, each status
// carrying its send time ("bench t=<epoch ms>"). Every subscriber parses the update frames
// ({"stream":["user"],"event":"update","payload":"<status JSON>"}) and records
// receive time - send time. Prints the results as a Markdown table on stdout, progress on stderr.
//
//   node bench/streaming_subscribers.mjs --base http://127.0.0.1:PORT --tokens FILE
//     --poster-token TOKEN [--rate 20] [--duration 30] [--drain 10] [--server-pid PID]
//
// The tokens file has one subscriber token a line. With --server-pid, the server's VmRSS is read
// from /proc before the subscribers connect, once they all are, and at the end.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";

// ws comes from the end-to-end tests' Node packages (scripts/lib/common.sh: ensure_node_modules).
const WebSocket = createRequire(new URL("../tests/e2e/node/package.json", import.meta.url))("ws");

const { values: opt } = parseArgs({
  options: {
    base: { type: "string" },
    tokens: { type: "string" },
    "poster-token": { type: "string" },
    rate: { type: "string", default: "20" },
    duration: { type: "string", default: "30" },
    drain: { type: "string", default: "10" },
    "server-pid": { type: "string" },
    "open-concurrency": { type: "string", default: "50" },
  },
});
if (!opt.base || !opt.tokens || !opt["poster-token"]) {
  console.error("usage: streaming_subscribers.mjs --base URL --tokens FILE --poster-token TOKEN " +
                "[--rate N] [--duration S] [--drain S] [--server-pid PID]");
  process.exit(2);
}
const rate = Number(opt.rate), duration = Number(opt.duration), drain = Number(opt.drain);
const tokens = readFileSync(opt.tokens, "utf8").split("\n").map((t) => t.trim()).filter(Boolean);
const streamUrl = opt.base.replace(/^http/, "ws") + "/api/v1/streaming?stream=user";
const now = () => performance.timeOrigin + performance.now(); // epoch ms, sub-millisecond
const progress = (msg) => process.stderr.write(`[streaming] ${msg}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const rss = () => {
  if (!opt["server-pid"]) return null;
  try {
    const status = readFileSync(`/proc/${opt["server-pid"]}/status`, "utf8");
    const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+)`, "m"))?.[1] ?? NaN);
    return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
};

// Latencies of every bench update received, in ms.
const expectedPosts = Math.round(rate * duration);
let latencies = new Float64Array(Math.max(1024, expectedPosts * tokens.length));
let received = 0, malformed = 0, otherEvents = 0, dropped = 0, failedToOpen = 0;
const record = (ms) => {
  if (received === latencies.length) {
    const grown = new Float64Array(latencies.length * 2);
    grown.set(latencies);
    latencies = grown;
  }
  latencies[received++] = ms;
};

let closing = false;
const sockets = [];
function subscribe(token) {
  return new Promise((resolve) => {
    const ws = new WebSocket(streamUrl, {
      headers: { Authorization: `Bearer ${token}` },
      perMessageDeflate: false,
      handshakeTimeout: 30000,
    });
    let opened = false;
    ws.on("open", () => {
      opened = true;
      sockets.push(ws);
      resolve(true);
    });
    ws.on("message", (data) => {
      const at = now();
      let frame, status;
      try {
        frame = JSON.parse(data.toString());
        if (frame.event !== "update") {
          otherEvents++;
          return;
        }
        status = JSON.parse(frame.payload);
      } catch {
        malformed++;
        return;
      }
      const sent = /bench t=([\d.]+)/.exec(status.content ?? "");
      if (sent) record(at - Number(sent[1]));
      else otherEvents++;
    });
    ws.on("error", (e) => {
      if (!opened) {
        failedToOpen++;
        if (failedToOpen <= 5) progress(`could not open a stream: ${e.message}`);
        resolve(false);
      }
    });
    ws.on("close", (code) => {
      if (opened && !closing) {
        dropped++;
        if (dropped <= 5) progress(`a stream closed during the run (code ${code})`);
      }
    });
  });
}

async function post(text) {
  const started = now();
  try {
    const res = await fetch(`${opt.base}/api/v1/statuses`, {
      method: "POST",
      headers: { Authorization: `Bearer ${opt["poster-token"]}`, "Content-Type": "application/json" },
      body: JSON.stringify({ status: text }),
    });
    await res.arrayBuffer();
    return { ok: res.status === 200, status: res.status, ms: now() - started };
  } catch (e) {
    return { ok: false, status: e.message, ms: now() - started };
  }
}

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "–");
const mb = (v) => (v && Number.isFinite(v.rss) ? `${v.rss.toFixed(1)} MB` : "–");
const n = (v) => v.toLocaleString("en-US");

// 1. Open every subscriber, a bounded number of handshakes at a time.
const rssBefore = rss();
const openStarted = now();
let next = 0;
await Promise.all(Array.from({ length: Math.min(Number(opt["open-concurrency"]), tokens.length) }, async () => {
  while (next < tokens.length) await subscribe(tokens[next++]);
}));
const openSeconds = (now() - openStarted) / 1000;
const subscribers = sockets.length;
progress(`${subscribers}/${tokens.length} streams open in ${openSeconds.toFixed(1)} s`);
if (subscribers === 0) process.exit(1);
await sleep(1000); // let the server settle before reading its memory
const rssConnected = rss();

// 2. Post at a fixed rate: post k is sent at start + k / rate whatever the earlier ones are
// doing (open loop, so a slow server does not lower the rate it is offered).
const posts = [];
const postStarted = now();
for (let k = 0; k < expectedPosts; k++) {
  const wait = postStarted + (k * 1000) / rate - now();
  if (wait > 0) await sleep(wait);
  posts.push(post(`bench t=${now().toFixed(3)}`));
}
const postSeconds = (now() - postStarted) / 1000;
const results = await Promise.all(posts);
const accepted = results.filter((r) => r.ok).length;
const postErrors = results.filter((r) => !r.ok);
if (postErrors.length) progress(`${postErrors.length} posts failed, first: ${postErrors[0].status}`);
const expected = accepted * subscribers;

// 3. Wait for the last events (at most --drain seconds after the last post was answered).
const drainUntil = now() + drain * 1000;
while (received < expected && now() < drainUntil) await sleep(50);
const rssEnd = rss();
closing = true;
for (const ws of sockets) ws.terminate();

const sorted = latencies.subarray(0, received).sort();
const postMs = results.map((r) => r.ms).sort((a, b) => a - b);
console.log(`| subscribers open | statuses posted | events expected | events received | p50 | p90 | p99 | max | dropped |`);
console.log(`|---|---|---|---|---|---|---|---|---|`);
console.log(`| ${n(subscribers)}/${n(tokens.length)} | ${n(accepted)}/${n(expectedPosts)} in ${postSeconds.toFixed(1)} s | ` +
            `${n(expected)} | ${n(received)} | ${ms(pct(sorted, 50))} | ${ms(pct(sorted, 90))} | ` +
            `${ms(pct(sorted, 99))} | ${ms(sorted[sorted.length - 1])} | ${n(dropped)} |`);
console.log();
console.log(`connections: ${n(subscribers)} opened in ${openSeconds.toFixed(1)} s, ${n(failedToOpen)} refused or failed, ` +
            `${n(dropped)} dropped during the run`);
console.log(`POST /api/v1/statuses: p50 ${ms(pct(postMs, 50))}, p99 ${ms(pct(postMs, 99))}, ${n(postErrors.length)} errors`);
if (malformed || otherEvents) console.log(`frames not counted: ${n(malformed)} malformed, ${n(otherEvents)} other events`);
if (rssBefore) {
  console.log(`server RSS: ${mb(rssBefore)} before the subscribers connect, ${mb(rssConnected)} with ` +
              `${n(subscribers)} connected, ${mb(rssEnd)} at the end (peak VmHWM ${rssEnd ? rssEnd.hwm.toFixed(1) : "–"} MB)`);
}
process.exit(received === expected && dropped === 0 && failedToOpen === 0 ? 0 : 1);
