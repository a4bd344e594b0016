-- switch_coro: resume/yield round trips with one coroutine, n times.
-- Prints the final value (n).
local create, resume, yield = coroutine.create, coroutine.resume, coroutine.yield

local function main(n)
  local co = create(function(v)
    while true do
      v = yield(v + 1)
    end
  end)
  local _, v = resume(co, 0)
  for i = 1, n - 1 do
    _, v = resume(co, v)
  end
  print(v)
end

main(tonumber(arg[1]) or 5000000)
