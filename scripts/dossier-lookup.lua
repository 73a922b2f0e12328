-- wrk script: public look-ups rotating over the "code pin" lines of LOOKUPS (a file).
-- THINK_MS: each client pauses about this long between look-ups (0 = back to back).
local paths = {}
for line in io.lines(os.getenv("LOOKUPS")) do
  local code, pin = line:match("(%S+)%s+(%S+)")
  if code then paths[#paths + 1] = "/api/public/dossiers/" .. code .. "?pin=" .. pin end
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
local think = tonumber(os.getenv("THINK_MS") or "0")
if think > 0 then
  delay = function() return math.random(math.floor(think / 2), think + math.floor(think / 2)) end
end
done = function(summary, latency, requests)
  io.write(string.format("requests: %d, %.0f per second, non-2xx: %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), summary.errors.status))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
