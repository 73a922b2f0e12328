-- wrk script: GET the URL given to wrk with a bearer token in TOKEN (or a session cookie in COOKIE, for pages);
-- prints the rate and p50/p95/p99.
local token, cookie = os.getenv("TOKEN"), os.getenv("COOKIE")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
done = function(summary, latency, requests)
  io.write(string.format("requests: %d, %.0f per second, errors: %d\n", summary.requests,
      summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.read))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
