-- The page families of bench/run and the working day that mixes them. Each family builds one
-- request as a person makes it, a different one each time: a random page of the whole list, a
-- random id, two words of a case study, one to three departments, a range of dates. It returns
-- the role whose session sends it, the path, and for a POST its form body.

local families = {}

local DAY = 24 * 3600

local function any(list)
   return list[math.random(#list)]
end

function families.new(data)
   -- A page of the list, numbered from 0 as the "page" parameter is.
   local function page(list)
      return math.random(data.pages[list]) - 1
   end

   -- One to three different departments, as the filters' "department" parameters.
   local function departments()
      local chosen, seen = {}, {}
      for _ = 1, math.random(3) do
         local id = any(data.departments)
         if not seen[id] then
            seen[id] = true
            table.insert(chosen, "department=" .. id)
         end
      end
      return table.concat(chosen, "&")
   end

   -- A range of 1 to 730 days within the data's five years, as "from" and "to".
   local function range()
      local span = math.floor((data.today - data.first_day) / DAY)
      local length = math.random(math.min(730, span))
      local from = data.first_day + math.random(0, span - length) * DAY
      return "from=" .. os.date("%Y-%m-%d", from) .. "&to=" .. os.date("%Y-%m-%d", from + (length - 1) * DAY)
   end

   -- Two words as a query string's value: letters beyond ASCII (göttingen) percent-encoded.
   local function words()
      local encoded = any(data.words):gsub("[^%w ]", function(c) return string.format("%%%02X", c:byte()) end)
      return (encoded:gsub(" ", "+"))
   end

   return {
      trivial = function() return "any", "/account/password" end,
      search = function() return "staff", "/library/search?q=" .. words() end,
      library = function() return "staff", "/library/search?page=" .. page("library") end,
      casestudy = function() return "staff", "/library/" .. any(data.case_studies) end,
      experiments = function() return "staff", "/experiments?page=" .. page("experiments") end,
      experiment = function() return "staff", "/experiments/" .. any(data.experiments) end,
      champions = function() return "staff", "/champions?page=" .. page("champions") end,
      -- Half leaf through the timeline, half narrow it to departments and dates.
      timeline = function()
         if math.random(2) == 1 then return "staff", "/adoption?page=" .. page("timeline") end
         return "staff", "/adoption?" .. departments() .. "&" .. range()
      end,
      dashboard = function()
         return "manager", "/adoption/dashboard?scope=organisation&" .. departments() .. "&" .. range()
      end,
      department = function() return "manager", "/adoption/departments/" .. any(data.departments) end,
      readiness = function() return "manager", "/playbook/departments/" .. any(data.departments) end,
      agenda = function() return "strategist", "/" end,
      -- In the working day only: the strategist's forms, and marking a case study helpful (a write).
      forms = function()
         return "strategist", any({ "/experiments/new", "/library/new", "/adoption/events/new" })
      end,
      helpful = function()
         local mark = math.random(4) == 1 and "false" or "true"
         return "staff", "/library/" .. any(data.case_studies) .. "/helpful", "helpful=" .. mark
      end,
   }
end

-- A working day, in requests out of 100: mostly staff reading and searching, managers on the
-- dashboard and the department pages, the strategist on the agenda and forms, a few writes
-- (besides the reading each opened case study records).
families.DAY = {
   { "search", 18 }, { "casestudy", 22 }, { "library", 9 }, { "experiment", 8 },
   { "experiments", 6 }, { "champions", 5 }, { "timeline", 6 }, { "trivial", 2 },
   { "dashboard", 9 }, { "department", 4 }, { "readiness", 3 },
   { "agenda", 3 }, { "forms", 2 }, { "helpful", 3 },
}

-- Every family alike (the warm-up, and the check of the URLs).
families.ALL = {}
for _, entry in ipairs(families.DAY) do table.insert(families.ALL, { entry[1], 1 }) end

return families
