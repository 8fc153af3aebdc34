-- wrk script for benchmarks/http_load.py: list reads or posts on the embed API.
--   wrk ... -s benchmarks/wrk/embed_api.lua URL -- read|post ORIGIN ARTICLE_URL
-- Each thread counts the answers with the expected status (200 for reads, 201 for posts) in
-- response(); done() adds them up and prints one line for http_load.py to parse.
-- Every post has its own author email and text: load-<thread>-<n>@example.org.

local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

local function json_string(value)
  return '"' .. value:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function init(args)
  mode, origin, article_url = args[1], args[2], args[3]
  ok, sent, statuses = 0, 0, {}
  expected = mode == "post" and 201 or 200
  local headers = {["Origin"] = origin, ["Host"] = "127.0.0.1"}
  if mode == "post" then
    headers["Content-Type"] = "application/json"
    post_headers = headers
  else
    read_request = wrk.format("GET", "/api/v1/comments/?url=" .. url_encode(article_url) .. "&page=1", headers)
  end
end

function url_encode(value)
  return (value:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

function request()
  if mode ~= "post" then
    return read_request
  end
  sent = sent + 1
  local body = "{" ..
    '"url":' .. json_string(article_url) .. ',' ..
    '"title":"Strikes near the airbase",' ..
    '"author_name":' .. json_string(string.format("Load %d-%d", thread_id, sent)) .. ',' ..
    '"author_email":' .. json_string(string.format("load-%d-%d@example.org", thread_id, sent)) .. ',' ..
    '"text":' .. json_string(string.format("Load test comment %d from wrk thread %d.", sent, thread_id)) ..
    "}"
  return wrk.format("POST", "/api/v1/comments/", post_headers, body)
end

function response(status, headers, body)
  if status == expected then
    ok = ok + 1
  else
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total_ok, others = 0, {}
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    for status, count in pairs(thread:get("statuses")) do
      others[status] = (others[status] or 0) + count
    end
  end
  local errors = summary.errors
  local other_text = ""
  for status, count in pairs(others) do
    other_text = other_text .. string.format(" status_%d=%d", status, count)
  end
  io.write(string.format(
    "WRK_RESULT requests=%d ok=%d duration_us=%d p50_us=%d p99_us=%d connect=%d read=%d write=%d timeout=%d%s\n",
    summary.requests, total_ok, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.connect, errors.read, errors.write, errors.timeout, other_text))
end
