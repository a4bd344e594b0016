-- nbody_top: nbody.lua written at the chunk's top level: the same code without the
-- wrapping functions make_bodies, offset_momentum, advance and main (their bodies are
-- top-level code with top-level locals, the hot loop included). energy and rnd9 stay
-- functions: they run twice. Same output as nbody.
--
-- nbody: the benchmarks-game n-body simulation of the Jovian planets
-- (float arithmetic + field access). Prints the energy before and after,
-- times 1e9, rounded to an integer (so every language prints the same text).
local PI = 3.141592653589793
local SOLAR_MASS = 4.0 * PI * PI
local DAYS_PER_YEAR = 365.24

local function Body(x, y, z, vx, vy, vz, mass)
  return {
    x = x, y = y, z = z,
    vx = vx * DAYS_PER_YEAR, vy = vy * DAYS_PER_YEAR, vz = vz * DAYS_PER_YEAR,
    mass = mass * SOLAR_MASS,
  }
end

local function energy(bodies)
  local nb = #bodies
  local e = 0.0
  for i = 1, nb do
    local b = bodies[i]
    e = e + 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
    for j = i + 1, nb do
      local b2 = bodies[j]
      local dx = b.x - b2.x
      local dy = b.y - b2.y
      local dz = b.z - b2.z
      e = e - (b.mass * b2.mass) / ((dx * dx + dy * dy + dz * dz) ^ 0.5)
    end
  end
  return e
end

local function rnd9(x)
  local y = x * 1000000000.0
  if y < 0 then return -math.floor(-y + 0.5) end
  return math.floor(y + 0.5)
end

local n = tonumber(arg[1]) or 500000

local sun = Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
local jupiter = Body(4.84143144246472090, -1.16032004402742839, -0.103622044471123109,
                     0.00166007664274403694, 0.00769901118419740425, -0.0000690460016972063023,
                     0.000954791938424326609)
local saturn = Body(8.34336671824457987, 4.12479856412430479, -0.403523417114321381,
                    -0.00276742510726862411, 0.00499852801234917238, 0.0000230417297573763929,
                    0.000285885980666130812)
local uranus = Body(12.8943695621391310, -15.1111514016986312, -0.223307578892655734,
                    0.00296460137564761618, 0.00237847173959480950, -0.0000296589568540237556,
                    0.0000436624404335156298)
local neptune = Body(15.3796971148509165, -25.9193146099879641, 0.179258772950371181,
                     0.00268067772490389322, 0.00162824170038242295, -0.0000951592254519715870,
                     0.0000515138902046611451)
local bodies = { sun, jupiter, saturn, uranus, neptune }

-- offset_momentum
local px, py, pz = 0.0, 0.0, 0.0
for _, b in ipairs(bodies) do
  px = px + b.vx * b.mass
  py = py + b.vy * b.mass
  pz = pz + b.vz * b.mass
end
sun = bodies[1]
sun.vx = -px / SOLAR_MASS
sun.vy = -py / SOLAR_MASS
sun.vz = -pz / SOLAR_MASS

print(rnd9(energy(bodies)))
local dt = 0.01
local nb = #bodies
for step = 1, n do
  -- advance(bodies, dt)
  for i = 1, nb do
    local bi = bodies[i]
    for j = i + 1, nb do
      local bj = bodies[j]
      local dx = bi.x - bj.x
      local dy = bi.y - bj.y
      local dz = bi.z - bj.z
      local d2 = dx * dx + dy * dy + dz * dz
      local mag = dt / (d2 * d2 ^ 0.5)
      local bm = bj.mass * mag
      bi.vx = bi.vx - dx * bm
      bi.vy = bi.vy - dy * bm
      bi.vz = bi.vz - dz * bm
      bm = bi.mass * mag
      bj.vx = bj.vx + dx * bm
      bj.vy = bj.vy + dy * bm
      bj.vz = bj.vz + dz * bm
    end
  end
  for _, b in ipairs(bodies) do
    b.x = b.x + dt * b.vx
    b.y = b.y + dt * b.vy
    b.z = b.z + dt * b.vz
  end
end
print(rnd9(energy(bodies)))
