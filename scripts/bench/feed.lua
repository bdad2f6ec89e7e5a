-- wrk: GET /api/verdicts from a random cursor, as editors' scripts poll the feed.
-- FEED_VERDICTS (stored) and FEED_SIZE (page size) come from the environment.
local stored = tonumber(os.getenv("FEED_VERDICTS") or "10000")
local size = tonumber(os.getenv("FEED_SIZE") or "20")
math.randomseed(os.time())

request = function()
  local after = math.random(0, math.max(0, stored - size))
  return wrk.format("GET", "/api/verdicts?after=" .. after .. "&size=" .. size)
end
