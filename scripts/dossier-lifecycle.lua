-- wrk script: whole dossier lifecycles through the API, one connection per thread (run with -t N -c N).
-- Each thread loops: intake and acceptance at the desk (INTAKE_BODY, DESK_TOKEN) → the specialist hands
-- over (SPECIALIST_TOKEN) → the leader hands over (LEADER_TOKEN): result ready → the desk returns it.
local f = assert(io.open(os.getenv("INTAKE_BODY"), "r"))
local intake = f:read("*a")
f:close()
local desk = "Bearer " .. os.getenv("DESK_TOKEN")
local specialist = "Bearer " .. os.getenv("SPECIALIST_TOKEN")
local leader = "Bearer " .. os.getenv("LEADER_TOKEN")

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  stage = 0
  code = nil
  returned = 0
  failed = 0
end

local function post(path, token, body)
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["Authorization"] = token}, body)
end

function request()
  if stage == 0 then
    return post("/api/v1/dossiers", desk, intake)
  elseif stage == 1 then
    return post("/api/v1/dossiers/" .. code .. "/handover", specialist, '{"note":"Đủ điều kiện"}')
  elseif stage == 2 then
    return post("/api/v1/dossiers/" .. code .. "/handover", leader, '{"note":"Đồng ý"}')
  else
    return post("/api/v1/dossiers/" .. code .. "/return-result", desk, '{"method":"DIRECT"}')
  end
end

function response(status, headers, body)
  if status ~= 200 and status ~= 201 then
    failed = failed + 1
    stage = 0
    return
  end
  if stage == 0 then
    code = string.match(body, '"code":"([^"]+)"')
    stage = 1
  elseif stage == 3 then
    returned = returned + 1
    stage = 0
  else
    stage = stage + 1
  end
end

done = function(summary, latency, requests)
  local total, errors = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("returned")
    errors = errors + thread:get("failed")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("requests: %d (%.0f per second), failed: %d\n", summary.requests,
      summary.requests / seconds, errors))
  io.write(string.format("lifecycles completed (intake → 3 hand-overs → return): %d, %.1f per second\n", total,
      total / seconds))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("request p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
