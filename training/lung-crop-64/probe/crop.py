# Step 4: each film cropped to its lung fields' bounding box (segmenter output M.npy), written at 128 px.
import numpy as np, os, shutil, collections, sys
from PIL import Image
OUT = '/work/staging/lungcrop'
paths = open('paths.txt').read().splitlines()
M = np.load(sys.argv[1] if len(sys.argv) > 1 else 'M.npy')[:, 0]
S = M.shape[1]; MARGIN = 0.08
stats = collections.Counter(); boxes = []
def dest(p):
    for pre, rep in [('/work/shared/data/', ''), ('/work/staging/', '')]:
        if p.startswith(pre): return os.path.join(OUT, p[len(pre):])
for p, m in zip(paths, M):
    key = dest(p).split('/')[4]
    ys, xs = np.nonzero(m > 0.5)
    ok = len(ys) >= 0.03 * S * S
    if ok:
        y0, y1 = np.quantile(ys, [0.01, 0.99]); x0, x1 = np.quantile(xs, [0.01, 0.99])
        y1 += 1; x1 += 1
        ok = (y1 - y0) >= 0.3 * S and (x1 - x0) >= 0.3 * S
    im = Image.open(p).convert('L'); W = im.size[0]
    if ok:
        h, w = y1 - y0, x1 - x0
        y0, y1 = max(0, y0 - MARGIN * h), min(S, y1 + MARGIN * h); x0, x1 = max(0, x0 - MARGIN * w), min(S, x1 + MARGIN * w)
        f = W / S; box = (x0 * f, y0 * f, x1 * f, y1 * f)
        im = im.resize((128, 128), Image.LANCZOS, box=box)
        boxes.append((key, (x1 - x0) / S, (y1 - y0) / S))
    else:
        stats[key + ' fallback'] += 1
    stats[key] += 1
    d = dest(p); os.makedirs(os.path.dirname(d), exist_ok=True); im.save(d)
shutil.copy('/work/shared/data/covid19-radiography-128/index.csv', OUT + '/covid19-radiography-128/index.csv')
for k in sorted(stats): print(k, stats[k])
import statistics
for key in sorted(set(b[0] for b in boxes)):
    ws = [b[1] for b in boxes if b[0] == key]; hs = [b[2] for b in boxes if b[0] == key]
    print(f'{key}: box width median {statistics.median(ws):.2f}, height {statistics.median(hs):.2f}')
