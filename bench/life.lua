-- life: Conway's Game of Life on an unbounded grid. Lua has no tuples: the live cells are
-- a table keyed by the string x..","..y (the idiomatic way), with the coordinates kept
-- beside them. A random soup (a fixed LCG) of size x size cells, then `gens` generations:
-- each counts the neighbours of every cell next to a live one in a table, then keeps the
-- cells with 3 neighbours, or 2 and alive. Prints the live count and a checksum.
local OFFSETS = {{-1, -1}, {0, -1}, {1, -1}, {-1, 0}, {1, 0}, {-1, 1}, {0, 1}, {1, 1}}

local function soup(size)
  local live = {}
  local seed = 42
  for y = 0, size - 1 do
    for x = 0, size - 1 do
      seed = (seed * 75 + 74) % 65537
      if seed % 3 == 0 then
        live[x .. "," .. y] = {x, y}
      end
    end
  end
  return live
end

local function step(live)
  local counts, cells = {}, {}
  for _, c in pairs(live) do
    local x, y = c[1], c[2]
    for i = 1, 8 do
      local o = OFFSETS[i]
      local nx, ny = x + o[1], y + o[2]
      local k = nx .. "," .. ny
      local n = counts[k]
      if n then
        counts[k] = n + 1
      else
        counts[k] = 1
        cells[k] = {nx, ny}
      end
    end
  end
  local nxt = {}
  for k, n in pairs(counts) do
    if n == 3 or (n == 2 and live[k]) then
      nxt[k] = cells[k]
    end
  end
  return nxt
end

local function main(gens, size)
  local live = soup(size)
  for _ = 1, gens do
    live = step(live)
  end
  local count, total = 0, 0
  for _, c in pairs(live) do
    count = count + 1
    total = total + (c[1] + 1000) * 7919 + (c[2] + 1000)
  end
  print(count .. " " .. total)
end

main(tonumber(arg[1]) or 300, tonumber(arg[2]) or 64)
