# nbody_top: nbody.py written at module level: the same code without the
# wrapping defs make_bodies, offset_momentum, advance and main (their bodies are
# module-level code, the hot loop included; all its variables are module globals).
# energy and rnd9 stay functions: they run twice. Same output as nbody.
#
# nbody: the benchmarks-game n-body simulation of the Jovian planets
# (float arithmetic + field access). Prints the energy before and after,
# times 1e9, rounded to an integer (so every language prints the same text).
import sys

PI = 3.141592653589793
SOLAR_MASS = 4.0 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    __slots__ = ("x", "y", "z", "vx", "vy", "vz", "mass")

    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx * DAYS_PER_YEAR
        self.vy = vy * DAYS_PER_YEAR
        self.vz = vz * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS


def energy(bodies):
    nb = len(bodies)
    e = 0.0
    for i in range(nb):
        b = bodies[i]
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        for j in range(i + 1, nb):
            b2 = bodies[j]
            dx = b.x - b2.x
            dy = b.y - b2.y
            dz = b.z - b2.z
            e -= (b.mass * b2.mass) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    return e


def rnd9(x):
    y = x * 1000000000.0
    if y < 0:
        return -int(-y + 0.5)
    return int(y + 0.5)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 500000

sun = Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
jupiter = Body(4.84143144246472090, -1.16032004402742839, -0.103622044471123109,
               0.00166007664274403694, 0.00769901118419740425, -0.0000690460016972063023,
               0.000954791938424326609)
saturn = Body(8.34336671824457987, 4.12479856412430479, -0.403523417114321381,
              -0.00276742510726862411, 0.00499852801234917238, 0.0000230417297573763929,
              0.000285885980666130812)
uranus = Body(12.8943695621391310, -15.1111514016986312, -0.223307578892655734,
              0.00296460137564761618, 0.00237847173959480950, -0.0000296589568540237556,
              0.0000436624404335156298)
neptune = Body(15.3796971148509165, -25.9193146099879641, 0.179258772950371181,
               0.00268067772490389322, 0.00162824170038242295, -0.0000951592254519715870,
               0.0000515138902046611451)
bodies = [sun, jupiter, saturn, uranus, neptune]

# offset_momentum
px = 0.0
py = 0.0
pz = 0.0
for b in bodies:
    px += b.vx * b.mass
    py += b.vy * b.mass
    pz += b.vz * b.mass
sun = bodies[0]
sun.vx = -px / SOLAR_MASS
sun.vy = -py / SOLAR_MASS
sun.vz = -pz / SOLAR_MASS

print(rnd9(energy(bodies)))
dt = 0.01
nb = len(bodies)
for step in range(n):
    # advance(bodies, dt)
    for i in range(nb):
        bi = bodies[i]
        for j in range(i + 1, nb):
            bj = bodies[j]
            dx = bi.x - bj.x
            dy = bi.y - bj.y
            dz = bi.z - bj.z
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            bm = bj.mass * mag
            bi.vx -= dx * bm
            bi.vy -= dy * bm
            bi.vz -= dz * bm
            bm = bi.mass * mag
            bj.vx += dx * bm
            bj.vy += dy * bm
            bj.vz += dz * bm
    for b in bodies:
        b.x += dt * b.vx
        b.y += dt * b.vy
        b.z += dt * b.vz
print(rnd9(energy(bodies)))
