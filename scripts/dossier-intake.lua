-- wrk script: POST /api/v1/dossiers with the body in INTAKE_BODY (a file) and a bearer token in TOKEN.
local f = assert(io.open(os.getenv("INTAKE_BODY"), "r"))
local body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
done = function(summary, latency, requests)
  io.write(string.format("requests: %d, %.0f per second\n", summary.requests, summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
