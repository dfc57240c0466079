-- wrk script: every request carries the next pre-signed WhatsApp body of this thread's file, so no message id is
-- sent twice. Arguments: <dir> <set> [path]. A thread that runs out of bodies stops (reported as "exhausted"; wrk
-- still waits out the duration, so such a run's rate is too low and the bench says so).
local threads = {}
local count = 0

function setup(thread)
  thread:set("tid", count)
  count = count + 1
  table.insert(threads, thread)
end

function init(args)
  sigs, bodies = {}, {}
  for line in io.lines(args[1] .. "/" .. args[2] .. "-" .. tid .. ".txt") do
    local tab = line:find("\t", 1, true)
    sigs[#sigs + 1] = line:sub(1, tab - 1)
    bodies[#bodies + 1] = line:sub(tab + 1)
  end
  sent, non200, exhausted = 0, 0, 0
  path = args[3] or "/webhooks/whatsapp"
  -- wrk calls request() once on thread 0 before the run to check the script; that call must not use up a body.
  verifying = tid == 0
end

local function post(i)
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["X-Hub-Signature-256"] = sigs[i],
  }, bodies[i])
end

function request()
  if verifying then
    verifying = false
    return post(1)
  end
  if sent >= #bodies then
    exhausted = 1
    wrk.thread:stop()
    -- wrk still wants a request string; it is never sent once the thread stops.
    return wrk.format("GET", "/")
  end
  sent = sent + 1
  return post(sent)
end

function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

function done(summary, latency, requests)
  local s, bad, ex = 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("sent")
    bad = bad + t:get("non200")
    ex = ex + t:get("exhausted")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"completed":%d,"durationUs":%d,"sent":%d,"non200":%d,"exhausted":%d,"socketErrors":%d,' ..
    '"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d}\n',
    summary.requests, summary.duration, s, bad, ex, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
