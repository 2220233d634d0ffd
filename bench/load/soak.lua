-- wrk soak mix: each request in turn is POST /api/login, GET /protected (with the user_id cookie the thread's latest
-- login answered with), GET /flaky. Until a thread has seen a login answer it sends logins only, so no /protected
-- request goes out without a session. Responses are classified by status and body (wrk does not say which request a
-- response belongs to, but the bodies are distinct):
--   expected:   any 200; 500 {"detail":"Server error"} (/flaky's designed failure, FailureRate 0.5)
--   unexpected: everything else (a 401 would mean a live session was refused; 4xx, other 5xx, other bodies)
-- done() prints one line: SOAK total=… ok=… flaky500=… unexpected=… socket_errors=… and the first unexpected answers.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local login, protected, flaky
local cookie = nil
local n = 0
ok, flaky500, unexpected, samples = 0, 0, 0, ""

function init(args)
  login = wrk.format("POST", "/api/login",
    { ["Content-Type"] = "application/x-www-form-urlencoded" }, "username=some_name&password=pass")
  flaky = wrk.format("GET", "/flaky")
end

function request()
  n = n + 1
  local step = n % 3
  if cookie == nil or step == 0 then return login end
  if step == 1 then return wrk.format("GET", "/protected", { ["Cookie"] = cookie }) end
  return flaky
end

function response(status, headers, body)
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set then
    local id = string.match(set, "(user_id=[^;]+)")
    if id then cookie = id end
  end
  if status == 200 then
    ok = ok + 1
  elseif status == 500 and body == '{"detail":"Server error"}' then
    flaky500 = flaky500 + 1
  else
    unexpected = unexpected + 1
    if unexpected <= 5 then samples = samples .. " [" .. status .. " " .. string.sub(body or "", 1, 80) .. "]" end
  end
end

function done(summary, latency, requests)
  local o, f, u, s = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); f = f + t:get("flaky500"); u = u + t:get("unexpected"); s = s .. t:get("samples")
  end
  local e = summary.errors
  io.write(string.format("SOAK total=%d ok=%d flaky500=%d unexpected=%d socket_errors=%d connect=%d read=%d write=%d timeout=%d status_errors=%d p99_ms=%.2f%s\n",
    summary.requests, o, f, u, e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(99) / 1000, s ~= "" and (" first_unexpected=" .. s) or ""))
end
