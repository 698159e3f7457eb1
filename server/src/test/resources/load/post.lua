-- wrk script for the server's load run: POST the body file with a bearer token.
-- Usage: wrk -t2 -c16 -d20s -s post.lua URL -- TOKEN BODY_FILE
function init(args)
  local f = assert(io.open(args[2], "r"))
  wrk.body = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. args[1]
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/3xx %d, rate %.1f req/s, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
