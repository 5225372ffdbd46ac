-- wrk script for bench/load: every path given after "--" in turn, round robin, each thread
-- starting at a different one; the headers given with -H (the session cookie) are sent with
-- each. At the end, the same machine-readable line as report.lua.
--
--   wrk -c4 -d100s -s bench/lua/round-robin.lua -H 'Cookie: SESSION=...' http://127.0.0.1:8081 -- /a /b?x=1

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

local requests = {}
local next_request = 1

function init(args)
   for i, path in ipairs(args) do
      requests[i] = wrk.format("GET", path)
   end
   if #requests == 0 then
      requests[1] = wrk.format("GET", "/")
   end
   next_request = (id or 0) % #requests + 1
end

function request()
   local r = requests[next_request]
   next_request = next_request % #requests + 1
   return r
end

dofile((os.getenv("BENCH_LUA") or "bench/lua") .. "/report.lua")
