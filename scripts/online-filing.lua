-- wrk script: online submissions through the citizens' API, one connection per thread (run with -t N -c N).
-- Each thread loops: begin a draft of PROCEDURE → upload a 200 KB PDF for DOCUMENT → submit the draft. Each thread
-- authenticates with its own bearer token (TOKENS, comma-separated); each file differs (its first line numbers it).
local tokens = {}
for token in string.gmatch(os.getenv("TOKENS"), "[^,]+") do
  table.insert(tokens, token)
end
local procedure = os.getenv("PROCEDURE")
local document = os.getenv("DOCUMENT")
local boundary = "----motcua-benchmark"
local filler = string.rep("0123456789abcdef", 200 * 1024 / 16)

local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  thread:set("token", tokens[(counter - 1) % #tokens + 1])
  table.insert(threads, thread)
end

function init(args)
  stage = 0
  draft = nil
  sequence = 0
  submitted = 0
  failed = 0
  authorization = "Bearer " .. token
end

local function post(path, contentType, body)
  return wrk.format("POST", path, {["Content-Type"] = contentType, ["Authorization"] = authorization}, body)
end

function request()
  if stage == 0 then
    return post("/api/citizen/v1/drafts", "application/json", '{"procedureCode":"' .. procedure .. '"}')
  elseif stage == 1 then
    sequence = sequence + 1
    local pdf = "%PDF-1.7\n% benchmark " .. id .. "-" .. sequence .. "\n" .. filler .. "\n%%EOF\n"
    local body = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"documentId\"\r\n\r\n" .. document
        .. "\r\n--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"to-khai.pdf\""
        .. "\r\nContent-Type: application/pdf\r\n\r\n" .. pdf .. "\r\n--" .. boundary .. "--\r\n"
    return post("/api/citizen/v1/drafts/" .. draft .. "/files", "multipart/form-data; boundary=" .. boundary, body)
  else
    return post("/api/citizen/v1/drafts/" .. draft .. "/submit", "application/json", "")
  end
end

function response(status, headers, body)
  if status ~= 201 then
    failed = failed + 1
    stage = 0
    return
  end
  if stage == 0 then
    draft = string.match(body, '^{"id":(%d+)')
    stage = 1
  elseif stage == 1 then
    stage = 2
  else
    submitted = submitted + 1
    stage = 0
  end
end

done = function(summary, latency, requests)
  local total, errors = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("submitted")
    errors = errors + thread:get("failed")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("requests: %d (%.0f per second), failed: %d\n", summary.requests,
      summary.requests / seconds, errors))
  io.write(string.format("online submissions (draft → 200 KB upload → submit): %d, %.1f per second\n", total,
      total / seconds))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("request p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
