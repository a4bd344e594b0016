-- ring: 10,000 coroutines in a ring, a token goes around n times: the driver
-- resumes each coroutine in turn with the token and it yields token + 1
-- (Lua coroutines are asymmetric, so the driver carries the token from one
-- to the next). 10,000 * n hops. Prints the token's final value (10,000 * n).
-- arg[1] = laps (default 300), arg[2] = coroutines (default 10000).
local create, resume, yield = coroutine.create, coroutine.resume, coroutine.yield

local function relay(v)
  while true do
    v = yield(v + 1)
  end
end

local function main(laps, size)
  local ring = {}
  for i = 1, size do
    ring[i] = create(relay)
  end
  local v = 0
  local _
  for lap = 1, laps do
    for i = 1, size do
      _, v = resume(ring[i], v)
    end
  end
  print(v)
end

main(tonumber(arg[1]) or 300, tonumber(arg[2]) or 10000)
