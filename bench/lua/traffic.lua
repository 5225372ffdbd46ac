-- wrk script of bench/run: real traffic, a different URL on every request, each sent with a
-- signed-in session of the role that would open it (a random one of that role's sessions).
--
--   BENCH_FAMILY=search BENCH_DATA=dir BENCH_LUA=bench/lua wrk -s bench/lua/traffic.lua http://127.0.0.1:8081
--
-- BENCH_FAMILY is one family of families.lua, "day" (the working day's mix) or "all" (every
-- family alike). Anything but 200 is counted as unexpected: a redirect to the login page would
-- otherwise pass for an answer. BENCH_GZIP=1 asks for gzip as browsers do. With
-- BENCH_SAMPLE_FILE, the first thread also writes there BENCH_SAMPLES requests of each family it
-- sends (family, method, path, cookie, CSRF token, body; tab-separated) for bench/run to check.

local dir = os.getenv("BENCH_LUA") or "bench/lua"
local families = dofile(dir .. "/families.lua")

threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

local build, sessions, weights, total
local gzip = os.getenv("BENCH_GZIP") == "1"
unexpected = 0

-- A family's name, drawn by the weights.
local function family()
   local roll = math.random(total)
   for _, entry in ipairs(weights) do
      roll = roll - entry[2]
      if roll <= 0 then return entry[1] end
   end
end

-- A request of the family (by default one drawn by the weights): method, path, session, body.
local function next_request(name)
   local role, path, body = build[name or family()]()
   local list = sessions[role]
   return body and "POST" or "GET", path, list[math.random(#list)], body
end

-- "count" requests of each family in the weights, for bench/run to check.
local function write_samples(file, count)
   local out = assert(io.open(file, "a"))
   for _, entry in ipairs(weights) do
      for _ = 1, count do
         local method, path, session, body = next_request(entry[1])
         out:write(table.concat({ entry[1], method, path, session.cookie, session.csrf, body or "" }, "\t"), "\n")
      end
   end
   out:close()
end

function init(args)
   local data = dofile(dir .. "/data.lua").load()
   math.randomseed(os.time() * 100 + id)
   build, sessions = families.new(data), data.sessions
   local name = os.getenv("BENCH_FAMILY") or "day"
   weights = name == "day" and families.DAY or name == "all" and families.ALL or { { name, 1 } }
   assert(build[weights[1][1]], "bench: no page family " .. name)
   total = 0
   for _, entry in ipairs(weights) do total = total + entry[2] end
   local samples = os.getenv("BENCH_SAMPLE_FILE")
   if samples and id == 0 then write_samples(samples, tonumber(os.getenv("BENCH_SAMPLES") or "10")) end
end

function request()
   local method, path, session, body = next_request()
   local headers = { ["Cookie"] = "SESSION=" .. session.cookie }
   if gzip then headers["Accept-Encoding"] = "gzip" end
   if body then
      -- As htmx sends the helpful button: the answer is the button, 200.
      headers["Content-Type"] = "application/x-www-form-urlencoded"
      headers["X-CSRF-TOKEN"] = session.csrf
      headers["HX-Request"] = "true"
   end
   return wrk.format(method, path, headers, body)
end

-- The answers other than 200, by status ("302:4 503:1"), for bench/run to say what went wrong.
local by_status = {}
unexpected_statuses = ""

function response(status)
   if status ~= 200 then
      unexpected = unexpected + 1
      by_status[status] = (by_status[status] or 0) + 1
      local counts = {}
      for code, count in pairs(by_status) do table.insert(counts, code .. ":" .. count) end
      unexpected_statuses = table.concat(counts, " ")
   end
end

dofile(dir .. "/report.lua")
