-- What bench/run found out before measuring, read from the files it wrote in BENCH_DATA:
--   sessions-<role>.tsv   one signed-in session a line: the SESSION cookie, a tab, its CSRF token
--   case-studies.txt, experiments.txt, departments.txt   ids a staff member or a manager may open
--   words.txt             two search words a line, taken from one case study's title and summary
--   pages.txt             "<list> <number of pages>" a line: how far each list goes for its role
-- and the dates between which filters choose their ranges (BENCH_FIRST_DAY, BENCH_TODAY: yyyy-mm-dd).

local data = {}

local function lines(name)
   local list = {}
   local file = assert(io.open(data.dir .. "/" .. name), "bench: no " .. name .. " in BENCH_DATA")
   for line in file:lines() do
      if line ~= "" then table.insert(list, line) end
   end
   file:close()
   assert(#list > 0, "bench: " .. name .. " is empty")
   return list
end

local function sessions(role)
   local list = {}
   for _, line in ipairs(lines("sessions-" .. role .. ".tsv")) do
      local cookie, csrf = line:match("^([^\t]+)\t([^\t]+)$")
      table.insert(list, { cookie = cookie, csrf = csrf })
   end
   return list
end

local function pages()
   local counts = {}
   for _, line in ipairs(lines("pages.txt")) do
      local list, count = line:match("^(%S+)%s+(%d+)$")
      counts[list] = tonumber(count)
   end
   return counts
end

-- A date as os.time at noon (noon: adding whole days never crosses into another date).
local function day(text)
   local y, m, d = text:match("^(%d+)-(%d+)-(%d+)$")
   return os.time({ year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12 })
end

function data.load()
   data.dir = assert(os.getenv("BENCH_DATA"), "bench: BENCH_DATA is not set")
   data.sessions = {
      staff = sessions("staff"),
      manager = sessions("manager"),
      strategist = sessions("strategist"),
   }
   data.sessions.any = {}
   for _, role in ipairs({ "staff", "manager", "strategist" }) do
      for _, session in ipairs(data.sessions[role]) do table.insert(data.sessions.any, session) end
   end
   data.case_studies = lines("case-studies.txt")
   data.experiments = lines("experiments.txt")
   data.departments = lines("departments.txt")
   data.words = lines("words.txt")
   data.pages = pages()
   data.first_day = day(os.getenv("BENCH_FIRST_DAY"))
   data.today = day(os.getenv("BENCH_TODAY"))
   return data
end

return data
