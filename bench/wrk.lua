-- wrk script for serve_bench.py: signed-in requests and form POSTs, and a JSON summary.
--
-- Environment (all optional):
--   BENCH_METHOD   GET or POST
--   BENCH_COOKIES  a file of cookie sets to send, one a line: the Cookie header, a tab and the
--                  CSRF token; several lines are used in turn, from line BENCH_FIRST on
--   BENCH_BODY     the form body of a POST, without the CSRF token
--   BENCH_OUT      file the summary is written to (JSON)
--   BENCH_MISS     when set, each request's address gets `bench-miss=<this>-<n>` added, a new n
--                  each time, so that no request is answered from the page cache

local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY") or ""
local out = os.getenv("BENCH_OUT")
local miss = os.getenv("BENCH_MISS") or ""

local cookies, tokens = {}, {}
local cookie_file = os.getenv("BENCH_COOKIES")
if cookie_file and cookie_file ~= "" then
  for line in io.lines(cookie_file) do
    local cookie, token = string.match(line, "^([^\t]*)\t(.*)$")
    table.insert(cookies, cookie)
    table.insert(tokens, token)
  end
end
local first = tonumber(os.getenv("BENCH_FIRST") or "0")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  turn = first
  sent = 0
end

function request()
  local headers = {}
  local payload = nil
  if #cookies > 0 then
    turn = turn % #cookies + 1
    headers["Cookie"] = cookies[turn]
  end
  if method == "POST" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    payload = body
    if #tokens > 0 and tokens[turn] ~= "" then
      headers["X-CSRFToken"] = tokens[turn]
      payload = body .. "&csrfmiddlewaretoken=" .. tokens[turn]
    end
  end
  local path = nil
  if miss ~= "" then
    sent = sent + 1
    local joiner = string.find(wrk.path, "?", 1, true) and "&" or "?"
    path = wrk.path .. joiner .. "bench-miss=" .. miss .. "-" .. sent
  end
  return wrk.format(method, path, headers, payload)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    local seen = thread:get("statuses")
    for status, count in pairs(seen) do
      counts[status] = (counts[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(counts) do
    table.insert(parts, string.format('"%d": %d', status, count))
  end
  local errors = summary.errors
  local json = string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, "statuses": {%s}}',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, errors.connect, errors.read, errors.write, errors.status,
    errors.timeout, table.concat(parts, ", ")
  )
  if out then
    local file = io.open(out, "w")
    file:write(json)
    file:close()
  else
    io.write(json .. "\n")
  end
end
