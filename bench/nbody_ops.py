# nbody_ops: the n-body simulation of bench/nbody.py written with a Vec class whose
# operators are special methods (__add__, __sub__, __mul__, __rmul__, __truediv__,
# __neg__). Prints the energy before and after, times 1e9, rounded to an integer.
import sys

PI = 3.141592653589793
SOLAR_MASS = 4.0 * PI * PI
DAYS_PER_YEAR = 365.24


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y, k * self.z)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k, self.z / k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z


class Body:
    __slots__ = ("pos", "vel", "mass")

    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.pos = Vec(x, y, z)
        self.vel = Vec(vx, vy, vz) * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS


def make_bodies():
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
    return [sun, jupiter, saturn, uranus, neptune]


def offset_momentum(bodies):
    p = Vec(0.0, 0.0, 0.0)
    for b in bodies:
        p += b.vel * b.mass
    bodies[0].vel = -p / SOLAR_MASS


def energy(bodies):
    nb = len(bodies)
    e = 0.0
    for i in range(nb):
        b = bodies[i]
        e += 0.5 * b.mass * b.vel.dot(b.vel)
        for j in range(i + 1, nb):
            b2 = bodies[j]
            d = b.pos - b2.pos
            e -= (b.mass * b2.mass) / (d.dot(d) ** 0.5)
    return e


def advance(bodies, dt):
    nb = len(bodies)
    for i in range(nb):
        bi = bodies[i]
        for j in range(i + 1, nb):
            bj = bodies[j]
            d = bi.pos - bj.pos
            d2 = d.dot(d)
            mag = dt / (d2 * d2 ** 0.5)
            bi.vel -= d * (bj.mass * mag)
            bj.vel += d * (bi.mass * mag)
    for b in bodies:
        b.pos += dt * b.vel


def rnd9(x):
    y = x * 1000000000.0
    if y < 0:
        return -int(-y + 0.5)
    return int(y + 0.5)


def main(n):
    bodies = make_bodies()
    offset_momentum(bodies)
    print(rnd9(energy(bodies)))
    for _ in range(n):
        advance(bodies, 0.01)
    print(rnd9(energy(bodies)))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 200000)
