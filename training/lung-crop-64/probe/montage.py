# a look at the boxes: 8 films from each set, the box drawn
import numpy as np, random
from PIL import Image, ImageDraw
paths = open('paths.txt').read().splitlines(); M = np.load('M.npy')[:, 0]; S = M.shape[1]
groups = {}
for i, p in enumerate(paths):
    k = p.split('/')[-3] if 'external' in p or 'jsrt' in p else p.split('/')[-2]
    groups.setdefault(k + ('' if 'staging' not in p else '*'), []).append(i)
random.seed(4); rows = []
for k in sorted(groups):
    idx = random.sample(groups[k], min(8, len(groups[k]))); tiles = []
    for i in idx:
        im = Image.open(paths[i]).convert('RGB'); d = ImageDraw.Draw(im)
        ys, xs = np.nonzero(M[i] > 0.5)
        if len(ys):
            f = 128 / S; y0, y1 = np.quantile(ys, [0.01, 0.99]); x0, x1 = np.quantile(xs, [0.01, 0.99])
            d.rectangle([x0 * f, y0 * f, (x1 + 1) * f, (y1 + 1) * f], outline=(255, 0, 0))
            mk = Image.fromarray(((M[i] > 0.5) * 255).astype(np.uint8)).resize((128, 128))
            im = Image.blend(im, Image.merge('RGB', (mk, Image.new('L', (128, 128)), Image.new('L', (128, 128)))), 0.25)
        tiles.append(im)
    row = Image.new('RGB', (128 * 8 + 150, 128)); ImageDraw.Draw(row).text((4, 60), k, fill=(255, 255, 0))
    for j, t in enumerate(tiles): row.paste(t, (150 + 128 * j, 0))
    rows.append(row)
out = Image.new('RGB', (rows[0].width, 128 * len(rows)))
for j, r in enumerate(rows): out.paste(r, (0, 128 * j))
out.save('montage.png'); print(sorted((k, len(v)) for k, v in groups.items()))
