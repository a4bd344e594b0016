# nbody_ops: the n-body simulation of bench/nbody.mt written with a Vec class whose
# operators are methods (def +, -, * by a number, r* for a number on the left, /, unary -):
# what operator methods cost against plain float fields. Prints the energy before and
# after, times 1e9, rounded to an integer (every language prints the same text).
let PI = 3.141592653589793
let SOLAR_MASS = 4.0 * PI * PI
let DAYS_PER_YEAR = 365.24

class Vec:
    def init(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
    def +(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)
    def -(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)
    def -(self):
        return Vec(-self.x, -self.y, -self.z)
    def *(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)
    def r*(self, k):
        return Vec(k * self.x, k * self.y, k * self.z)
    def /(self, k):
        return Vec(self.x / k, self.y / k, self.z / k)
    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

class Body:
    def init(self, x, y, z, vx, vy, vz, mass):
        self.pos = Vec(x, y, z)
        self.vel = Vec(vx, vy, vz) * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS

def make_bodies():
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
    return [sun, jupiter, saturn, uranus, neptune]

def offset_momentum(bodies):
    let p = Vec(0.0, 0.0, 0.0)
    for b in bodies:
        p += b.vel * b.mass
    bodies[0].vel = -p / SOLAR_MASS

def energy(bodies):
    let nb = len(bodies)
    let e = 0.0
    for i in range(nb):
        let b = bodies[i]
        e += 0.5 * b.mass * b.vel.dot(b.vel)
        for j in range(i + 1, nb):
            let b2 = bodies[j]
            let d = b.pos - b2.pos
            e -= (b.mass * b2.mass) / (d.dot(d) ** 0.5)
    return e

def advance(bodies, dt):
    let nb = len(bodies)
    for i in range(nb):
        let bi = bodies[i]
        for j in range(i + 1, nb):
            let bj = bodies[j]
            let d = bi.pos - bj.pos
            let d2 = d.dot(d)
            let mag = dt / (d2 * d2 ** 0.5)
            bi.vel -= d * (bj.mass * mag)
            bj.vel += d * (bi.mass * mag)
    for b in bodies:
        b.pos += dt * b.vel

def rnd9(x):
    let y = x * 1000000000.0
    if y < 0:
        return -int(-y + 0.5)
    return int(y + 0.5)

def main(n):
    let bodies = make_bodies()
    offset_momentum(bodies)
    print(rnd9(energy(bodies)))
    for i in range(n):
        advance(bodies, 0.01)
    print(rnd9(energy(bodies)))

let n = 200000
if len(argv) > 1:
    n = int(argv[1])
main(n)
