-- wrk script of read-speed.sh: each connection's thread cycles through the request paths in the file
-- named by PATHS_FILE (one path a line, e.g. /api/articles/some-slug), each thread from its own offset,
-- and the run ends with one machine-readable RESULT line. No response() callback: it would make wrk parse
-- every response in Lua and slow the load generator down more for the faster server. wrk counts
-- responses with a status of 400 or more as errors.status; 2xx is checked for every path when the
-- static copies are made.

local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if line ~= "" then paths[#paths + 1] = line end
end
if #paths == 0 then error("no paths in " .. tostring(os.getenv("PATHS_FILE"))) end

local threads = {}
local position = 0

function setup(thread)
  thread:set("thread_index", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  -- thread_index is set by setup() before init runs; spread the threads over the list.
  position = math.floor((thread_index or 0) * #paths / 2) % #paths
end

function request()
  position = position % #paths + 1
  return wrk.format(nil, paths[position])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f status_errors=%d socket_errors=%d bytes=%d paths=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, summary.bytes, #paths))
end
