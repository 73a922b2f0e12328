-- wrk script: public catalogue search with a rotation of realistic queries (with and without diacritics).
local queries = {
  "giay+phep+xay+dung", "dang+ky", "%C4%91%C4%83ng+k%C3%BD+k%E1%BA%BFt+h%C3%B4n", "cap+lai", "ho+tich",
  "giay+chung+nhan", "thanh+lap", "gia+han", "co+so", "lai+xe", "dat", "phep", "xac+nhan", "ly+lich+tu+phap",
  "cap+doi+giay+phep", "&field=Y+t%E1%BA%BF", "&onlineLevel=FULL", "thu+hoi", "nha+thuoc", "khu+cong+nghiep"
}
local i = 0
-- THINK_MS (environment): each client pauses this long between searches, as a person typing does;
-- 0 (default) = back-to-back requests, the saturation test.
local think = tonumber(os.getenv("THINK_MS") or "0")
if think > 0 then
  delay = function() return math.random(math.floor(think / 2), think + math.floor(think / 2)) end
end
request = function()
  i = i + 1
  local q = queries[(i % #queries) + 1]
  if string.sub(q, 1, 1) == "&" then
    return wrk.format("GET", "/api/public/procedures?size=20" .. q)
  end
  return wrk.format("GET", "/api/public/procedures?size=20&q=" .. q)
end
done = function(summary, latency, requests)
  io.write(string.format("requests: %d, errors: %d (status %d, timeout %d)\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.errors.timeout))
  io.write(string.format("throughput: %.0f requests/s\n", summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 95, 99}) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
