-- wrk script for bench/intake.sh: POST /api/referrals, every request a distinct referral of a distinct patient (the
-- example submission with a fresh externalReferralId, member id, phone and birth date), as one partner.
-- Environment: INTAKE_TOKEN (partner token), INTAKE_RUN (unique per run), INTAKE_BODY (path of the example
-- submission). Prints one line "WRK_RESULT ..." for the script to parse.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(os.getenv("INTAKE_BODY"), "r"))
  template = file:read("*a")
  file:close()
  prefix = "BENCH-" .. os.getenv("INTAKE_RUN") .. "-" .. tid .. "-"
  math.randomseed(os.time() * 100 + tid)
  headers = {
    ["Authorization"] = "Bearer " .. os.getenv("INTAKE_TOKEN"),
    ["Content-Type"] = "application/json",
  }
end

-- Every request also a distinct patient (its own member id, phone and birth date), so that each submission creates
-- its patient, as the SQL floor's script does, instead of every referral matching and locking one patient's row.
function request()
  counter = counter + 1
  local key = prefix .. counter
  local body = template:gsub("NFP%-2026%-000123", key, 1)
  body = body:gsub("W123456789", "W-" .. key, 1)
  body = body:gsub("555%-0100", string.format("555%07d", math.random(0, 9999999)), 1)
  body = body:gsub("1984%-05%-17", string.format("%d-%02d-%02d", math.random(1940, 2005), math.random(1, 12),
    math.random(1, 28)), 1)
  return wrk.format("POST", "/api/referrals", headers, body)
end

function response(status, headers, body)
  if status ~= 201 then
    statuses[status] = (statuses[status] or 0) + 1
  end
end

statuses = {}

function done(summary, latency, requests)
  local counts, other = {}, {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses")) do
      counts[code] = (counts[code] or 0) + n
    end
  end
  for code, n in pairs(counts) do
    other[#other + 1] = code .. "=" .. n
  end
  io.write(string.format("WRK_RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d socket_errors=%d non201=%d other=%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, table.concat(other, ",")))
end
