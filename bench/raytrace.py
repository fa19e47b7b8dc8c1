# bench/raytrace.py -- a small Whitted ray tracer: spheres and a checkered
# plane, point lights with shadows, Lambert + Phong shading and reflections.
#
# Usage: tandem bench/raytrace.py [N]    (default N = 280: an N x N image)
# Prints one checksum line: "raytrace N sum_r sum_g sum_b" (each pixel's
# channels clamped to 0..255 as ints and summed).
# Exercises classes with operator methods (__add__, __sub__, __mul__),
# isinstance-free dynamic dispatch, float math, math.sqrt, recursion,
# None checks.
import sys
import math

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 280
EPSILON = 0.00001
MAX_DEPTH = 3


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y,
                   self.z * o.x - self.x * o.z,
                   self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def mul(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)


BLACK = Vec(0.0, 0.0, 0.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, reflect, checker=None):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.reflect = reflect
        self.checker = checker

    def color_at(self, point):
        if self.checker is None:
            return self.color
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return self.color
        return self.checker


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Scene:
    def __init__(self, objects, lights, ambient):
        self.objects = objects
        self.lights = lights
        self.ambient = ambient

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def shadowed(self, point, light_pos):
        to_light = light_pos - point
        dist = to_light.length()
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < dist:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return Vec(0.2, 0.3, 0.5)
        point = ray.at(t)
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0:
            normal = -normal
        mat = obj.material
        base = mat.color_at(point)
        color = base * self.ambient
        for light_pos, light_color in self.lights:
            if self.shadowed(point, light_pos):
                continue
            ldir = (light_pos - point).normalized()
            lambert = normal.dot(ldir)
            if lambert > 0:
                color = color + base.mul(light_color) * (lambert * mat.diffuse)
                refl = ldir - normal * (2 * ldir.dot(normal))
                spec = refl.dot(ray.direction)
                if spec > 0:
                    color = color + light_color * (mat.specular * spec ** 20)
        if mat.reflect > 0 and depth < MAX_DEPTH:
            rdir = ray.direction - normal * (2 * ray.direction.dot(normal))
            color = color + self.trace(Ray(point, rdir), depth + 1) * mat.reflect
        return color


def make_scene():
    objects = [
        Sphere(Vec(0.0, 1.0, 5.0), 1.0, Material(Vec(0.9, 0.2, 0.2), 0.7, 0.5, 0.3)),
        Sphere(Vec(-2.2, 0.8, 6.5), 0.8, Material(Vec(0.2, 0.9, 0.3), 0.8, 0.3, 0.2)),
        Sphere(Vec(2.0, 0.6, 4.2), 0.6, Material(Vec(0.3, 0.3, 0.95), 0.6, 0.8, 0.5)),
        Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0),
              Material(Vec(0.95, 0.95, 0.95), 0.9, 0.0, 0.25, Vec(0.1, 0.1, 0.1))),
    ]
    lights = [(Vec(-4.0, 6.0, 1.0), Vec(1.0, 1.0, 1.0)),
              (Vec(5.0, 4.0, 2.0), Vec(0.5, 0.45, 0.4))]
    return Scene(objects, lights, 0.1)


def clamp255(v):
    i = int(v * 255)
    if i < 0:
        return 0
    if i > 255:
        return 255
    return i


def render(scene, size):
    eye = Vec(0.0, 1.5, -1.0)
    look = Vec(0.0, 0.8, 5.0)
    forward = (look - eye).normalized()
    right = Vec(0.0, 1.0, 0.0).cross(forward).normalized()
    up = forward.cross(right)
    sums = [0, 0, 0]
    for py in range(size):
        v = 1.0 - 2.0 * (py + 0.5) / size
        for px in range(size):
            u = 2.0 * (px + 0.5) / size - 1.0
            direction = forward + right * (u * 0.8) + up * (v * 0.8)
            c = scene.trace(Ray(eye, direction), 0)
            sums[0] += clamp255(c.x)
            sums[1] += clamp255(c.y)
            sums[2] += clamp255(c.z)
    return sums


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    r, g, b = render(make_scene(), n)
    print("raytrace", n, r, g, b)


main()
