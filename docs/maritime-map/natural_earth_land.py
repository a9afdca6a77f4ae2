# Converts world-atlas (Natural Earth) land TopoJSON to the console's clipped GeoJSON:
#   npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
#   python3 natural_earth_land.py package/land-10m.json land-baltic.geojson
import json, sys
src, dst = sys.argv[1], sys.argv[2]
W, E, S, N = -5.0, 35.0, 50.0, 68.0
t = json.load(open(src))
sc, tr = t['transform']['scale'], t['transform']['translate']
arcs = []
for a in t['arcs']:
    x = y = 0; pts = []
    for dx, dy in a:
        x += dx; y += dy
        pts.append((x * sc[0] + tr[0], y * sc[1] + tr[1]))
    arcs.append(pts)
def ring(idx):
    out = []
    for i in idx:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts if not out else pts[1:])
    return out
def clip(poly, inside, inter):
    out = []
    if not poly: return out
    prev = poly[-1]
    for cur in poly:
        if inside(cur):
            if not inside(prev): out.append(inter(prev, cur))
            out.append(cur)
        elif inside(prev):
            out.append(inter(prev, cur))
        prev = cur
    return out
def ix(x0):
    return lambda p, q: (x0, p[1] + (q[1]-p[1]) * (x0-p[0]) / (q[0]-p[0]))
def iy(y0):
    return lambda p, q: (p[0] + (q[0]-p[0]) * (y0-p[1]) / (q[1]-p[1]), y0)
def cliprect(r):
    r = clip(r, lambda p: p[0] >= W, ix(W))
    r = clip(r, lambda p: p[0] <= E, ix(E))
    r = clip(r, lambda p: p[1] >= S, iy(S))
    r = clip(r, lambda p: p[1] <= N, iy(N))
    return r
polys = []
obj = t['objects']['land']
geoms = obj['geometries'] if obj['type'] == 'GeometryCollection' else [obj]
for g in geoms:
    parts = g['arcs'] if g['type'] == 'MultiPolygon' else [g['arcs']]
    for p in parts:
        rings = []
        for k, r in enumerate(p):
            c = cliprect(ring(r))
            # drop consecutive duplicates after rounding to 3 decimals (about 100 m)
            q = []
            for x, y in c:
                pt = [round(x, 3), round(y, 3)]
                if not q or q[-1] != pt: q.append(pt)
            if len(q) >= 4:
                if q[0] != q[-1]: q.append(q[0])
                rings.append(q)
            elif k == 0:
                break
        if rings:
            polys.append(rings)
fc = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"source": "Natural Earth 1:10m land, v4.1.0, via world-atlas 2.0.2"}, "geometry": {"type": "MultiPolygon", "coordinates": polys}}]}
json.dump(fc, open(dst, 'w'), separators=(',', ':'))
print(len(polys), 'polygons', sum(len(r) for p in polys for r in p), 'points')
