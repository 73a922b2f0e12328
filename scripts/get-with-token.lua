-- wrk script: GET the URL given to wrk with a bearer token in TOKEN; prints the rate and p50/p95/p99.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
done = function(summary, latency, requests)
  io.write(string.format("requests: %d, %.0f per second, errors: %d\n", summary.requests,
      summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.read))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
