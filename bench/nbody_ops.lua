-- nbody_ops: the n-body simulation of bench/nbody.lua written with a Vec "class" whose
-- operators are metamethods (__add, __sub, __mul with a number on either side, __div,
-- __unm). Prints the energy before and after, times 1e9, rounded to an integer.
local PI = 3.141592653589793
local SOLAR_MASS = 4.0 * PI * PI
local DAYS_PER_YEAR = 365.24

local Vec = {}
Vec.__index = Vec

local function vec(x, y, z)
  return setmetatable({ x = x, y = y, z = z }, Vec)
end

Vec.__add = function(a, b) return vec(a.x + b.x, a.y + b.y, a.z + b.z) end
Vec.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y, a.z - b.z) end
Vec.__unm = function(a) return vec(-a.x, -a.y, -a.z) end
Vec.__mul = function(a, b)
  if type(a) == "number" then return vec(a * b.x, a * b.y, a * b.z) end
  return vec(a.x * b, a.y * b, a.z * b)
end
Vec.__div = function(a, k) return vec(a.x / k, a.y / k, a.z / k) end
function Vec.dot(a, b) return a.x * b.x + a.y * b.y + a.z * b.z end

local function Body(x, y, z, vx, vy, vz, mass)
  return { pos = vec(x, y, z), vel = vec(vx, vy, vz) * DAYS_PER_YEAR, mass = mass * SOLAR_MASS }
end

local function make_bodies()
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
  return { sun, jupiter, saturn, uranus, neptune }
end

local function offset_momentum(bodies)
  local p = vec(0.0, 0.0, 0.0)
  for _, b in ipairs(bodies) do p = p + b.vel * b.mass end
  bodies[1].vel = -p / SOLAR_MASS
end

local function energy(bodies)
  local nb = #bodies
  local e = 0.0
  for i = 1, nb do
    local b = bodies[i]
    e = e + 0.5 * b.mass * b.vel:dot(b.vel)
    for j = i + 1, nb do
      local b2 = bodies[j]
      local d = b.pos - b2.pos
      e = e - (b.mass * b2.mass) / (d:dot(d) ^ 0.5)
    end
  end
  return e
end

local function advance(bodies, dt)
  local nb = #bodies
  for i = 1, nb do
    local bi = bodies[i]
    for j = i + 1, nb do
      local bj = bodies[j]
      local d = bi.pos - bj.pos
      local d2 = d:dot(d)
      local mag = dt / (d2 * d2 ^ 0.5)
      bi.vel = bi.vel - d * (bj.mass * mag)
      bj.vel = bj.vel + d * (bi.mass * mag)
    end
  end
  for _, b in ipairs(bodies) do b.pos = b.pos + dt * b.vel end
end

local function rnd9(x)
  local y = x * 1000000000.0
  if y < 0 then return -math.floor(-y + 0.5) end
  return math.floor(y + 0.5)
end

local n = tonumber(arg and arg[1]) or 200000
local bodies = make_bodies()
offset_momentum(bodies)
print(string.format("%d", rnd9(energy(bodies))))
for _ = 1, n do advance(bodies, 0.01) end
print(string.format("%d", rnd9(energy(bodies))))
