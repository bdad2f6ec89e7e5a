-- wrk: GET /api/reports/{articleId} for a random stored article, as a newsroom's CMS asks for each page it renders.
-- REPORT_ARTICLES (stored, ids numbered from 1 as bench.sh makes them) comes from the environment.
local stored = tonumber(os.getenv("REPORT_ARTICLES") or "2000")
math.randomseed(os.time())

request = function()
  local id = string.format("00000000-0000-4000-8000-%012x", math.random(1, stored))
  return wrk.format("GET", "/api/reports/" .. id)
end
