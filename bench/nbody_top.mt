# nbody_top: nbody.mt written at the module's top level: the same code without the
# wrapping defs make_bodies, offset_momentum, advance and main (their bodies are
# module-level code, the hot loop included; bodies, nb, dt and n are script locals,
# SPEC 5.2).
# energy and rnd9 stay functions: they run twice. Same output as nbody.
#
# nbody: the benchmarks-game n-body simulation of the Jovian planets
# (float arithmetic + field access). Prints the energy before and after,
# times 1e9, rounded to an integer (so every language prints the same text).
let PI = 3.141592653589793
let SOLAR_MASS = 4.0 * PI * PI
let DAYS_PER_YEAR = 365.24

class Body:
    def init(self, x, y, z, vx, vy, vz, mass):
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx * DAYS_PER_YEAR
        self.vy = vy * DAYS_PER_YEAR
        self.vz = vz * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS

def energy(bodies):
    let nb = len(bodies)
    let e = 0.0
    for i in range(nb):
        let b = bodies[i]
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        for j in range(i + 1, nb):
            let b2 = bodies[j]
            let dx = b.x - b2.x
            let dy = b.y - b2.y
            let dz = b.z - b2.z
            e -= (b.mass * b2.mass) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    return e

def rnd9(x):
    let y = x * 1000000000.0
    if y < 0:
        return -int(-y + 0.5)
    return int(y + 0.5)

let n = 500000
if len(argv) > 1:
    n = int(argv[1])

let sun = Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
let jupiter = Body(4.84143144246472090, -1.16032004402742839, -0.103622044471123109,
                   0.00166007664274403694, 0.00769901118419740425, -0.0000690460016972063023,
                   0.000954791938424326609)
let saturn = Body(8.34336671824457987, 4.12479856412430479, -0.403523417114321381,
                  -0.00276742510726862411, 0.00499852801234917238, 0.0000230417297573763929,
                  0.000285885980666130812)
let uranus = Body(12.8943695621391310, -15.1111514016986312, -0.223307578892655734,
                  0.00296460137564761618, 0.00237847173959480950, -0.0000296589568540237556,
                  0.0000436624404335156298)
let neptune = Body(15.3796971148509165, -25.9193146099879641, 0.179258772950371181,
                   0.00268067772490389322, 0.00162824170038242295, -0.0000951592254519715870,
                   0.0000515138902046611451)
let bodies = [sun, jupiter, saturn, uranus, neptune]

# offset_momentum
let px = 0.0
let py = 0.0
let pz = 0.0
for b in bodies:
    px += b.vx * b.mass
    py += b.vy * b.mass
    pz += b.vz * b.mass
let sun = bodies[0]
sun.vx = -px / SOLAR_MASS
sun.vy = -py / SOLAR_MASS
sun.vz = -pz / SOLAR_MASS

print(rnd9(energy(bodies)))
let dt = 0.01
let nb = len(bodies)
for step in range(n):
    # advance(bodies, dt)
    for i in range(nb):
        let bi = bodies[i]
        for j in range(i + 1, nb):
            let bj = bodies[j]
            let dx = bi.x - bj.x
            let dy = bi.y - bj.y
            let dz = bi.z - bj.z
            let d2 = dx * dx + dy * dy + dz * dz
            let mag = dt / (d2 * d2 ** 0.5)
            let bm = bj.mass * mag
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
