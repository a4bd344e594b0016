-- logscan: n web-server log lines (built from i, the same in every language) scanned with
-- Lua patterns (Lua has no regular expressions; its patterns express these ones, with the
-- method alternation checked by a table): each line matched against the access-log
-- pattern and its fields taken, the user ids of API paths searched, and the 5xx statuses
-- counted over the joined text. Prints the lines matched, the bytes summed, the sum of
-- user ids and the 5xx count.
-- Runs under Lua 5.4 and LuaJIT (Lua 5.1, no `//`): idiv is `//` in 5.4, math.floor of
-- the quotient in LuaJIT (exact: small non-negative ints). Only in building the lines.
local idiv = load(_VERSION == "Lua 5.1" and "return function(a, b) return math.floor(a / b) end"
                  or "return function(a, b) return a // b end")()

local function make_lines(n)
  local methods = {"GET", "POST", "GET", "PUT", "GET", "DELETE"}
  local statuses = {200, 200, 200, 404, 500, 301, 200, 503}
  local lines = {}
  for i = 0, n - 1 do
    local ip = string.format("10.%d.%d.%d", i % 256, (i * 7) % 256, (i * 13) % 256)
    local path = "/page/" .. (i % 97)
    if i % 5 == 0 then
      path = string.format("/api/v%d/users/%d", i % 3 + 1, i % 1000)
    elseif i % 5 == 1 then
      path = "/static/app.js"
    end
    local stamp = string.format("15/Jun/2024:%02d:%02d:%02d +0000", idiv(i, 3600) % 24, idiv(i, 60) % 60, i % 60)
    lines[#lines + 1] = string.format('%s - - [%s] "%s %s HTTP/1.1" %d %d', ip, stamp,
      methods[i % 6 + 1], path, statuses[i % 8 + 1], (i * 37) % 5000)
  end
  return lines
end

local function main(n)
  local lines = make_lines(n)
  local access = '^(%d+%.%d+%.%d+%.%d+) %- %- %[([^%]]+)%] "(%u+) (%S+) HTTP/1%.[01]" (%d%d%d) (%d+)$'
  local verbs = {GET = true, POST = true, PUT = true, DELETE = true}
  local matched, bytes, users = 0, 0, 0
  for _, line in ipairs(lines) do
    local ip, stamp, method, path, status, size = string.match(line, access)
    if ip and verbs[method] then
      matched = matched + 1
      bytes = bytes + tonumber(size)
      local u = string.match(path, "^/api/v%d+/users/(%d+)$")
      if u then users = users + tonumber(u) end
    end
  end
  local errors = 0
  for _ in string.gmatch(table.concat(lines, "\n"), '" 5%d%d ') do errors = errors + 1 end
  print(matched .. " " .. bytes .. " " .. users .. " " .. errors)
end

main(tonumber(arg[1]) or 200000)
