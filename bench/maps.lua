-- maps: n inserts into a table keyed by int (keys i * 7, so they live in the
-- hash part, not the array part), then n lookups in a scrambled order
-- ((i * 13) % n is a permutation of 0..n-1 when n is coprime to 13).
-- Prints the table size and the sum of the values found.
local function main(n)
  local m = {}
  for i = 0, n - 1 do
    m[i * 7] = i
  end
  local s = 0
  for i = 0, n - 1 do
    s = s + m[((i * 13) % n) * 7]
  end
  local size = 0                -- len(m): Lua has no O(1) count of hash keys
  for _ in pairs(m) do size = size + 1 end
  print(size .. " " .. s)
end

main(tonumber(arg[1]) or 1000000)
