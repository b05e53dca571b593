# Lung-field segmenter probe, step 1: JSRT images + SCR lung masks -> augmented 64 px training arrays.
import subprocess, io, sys, numpy as np
from PIL import Image, ImageFilter
G = '/work/.mirror/moritzhauschulz+my_COMP70014/repo'
C = 'a8a83e72271fdf974f1b7cacce25c623e2d72927'
names = subprocess.run(['git', '--git-dir', G, 'ls-tree', '-r', '--name-only', C, 'data/JSRT/images'],
                       capture_output=True, text=True).stdout.split()
def show(p): return subprocess.run(['git', '--git-dir', G, 'show', f'{C}:{p}'], capture_output=True).stdout
from equalise import equalise
rng = np.random.default_rng(1)
imgs, masks = [], []
for n in names:
    base = n.split('/')[-1]
    im = Image.open(io.BytesIO(show(n))).convert('L').resize((128, 128), Image.LANCZOS)
    m = np.array(Image.open(io.BytesIO(show(f'data/JSRT/masks/{base}'))).convert('L'))
    lung = ((m == 150) | (m == 200)).astype(np.uint8) * 255
    imgs.append(im); masks.append(Image.fromarray(lung).resize((128, 128), Image.BILINEAR))
idx = rng.permutation(len(imgs)); val = set(idx[:27].tolist())
def augment(im, mk):
    s = rng.uniform(0.7, 1.3); ang = rng.uniform(-10, 10); tx, ty = rng.uniform(-0.12, 0.12, 2) * 128
    fill = int(rng.choice([0, 0, 255, int(np.array(im).mean())]))
    # affine around the centre: output pixel -> input pixel
    a = np.deg2rad(ang); ca, sa = np.cos(a) / s, np.sin(a) / s
    cx = cy = 64
    coeffs = (ca, sa, cx - ca * cx - sa * cy - tx / s, -sa, ca, cy + sa * cx - ca * cy - ty / s)
    im2 = im.transform((128, 128), Image.AFFINE, coeffs, Image.BILINEAR, fillcolor=fill)
    mk2 = mk.transform((128, 128), Image.AFFINE, coeffs, Image.BILINEAR, fillcolor=0)
    if rng.random() < 0.5: im2 = im2.transpose(Image.FLIP_LEFT_RIGHT); mk2 = mk2.transpose(Image.FLIP_LEFT_RIGHT)
    if rng.random() < 0.3: im2 = im2.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 2)))
    x = np.array(im2.resize((64, 64), Image.BOX), np.float32)
    if rng.random() < 0.3: x = x + rng.normal(0, rng.uniform(2, 10), x.shape)
    if rng.random() < 0.2:  # a burnt-in label or marker
        h, w = rng.integers(4, 14, 2); y0, x0 = rng.integers(0, 64 - 14, 2); x[y0:y0+h, x0:x0+w] = rng.choice([0, 255])
    y = (np.array(mk2.resize((64, 64), Image.BOX), np.float32) / 255 > 0.5).astype(np.float32)
    return equalise(x), y
def plain(im, mk):
    return equalise(np.array(im.resize((64, 64), Image.BOX), np.float32)), (np.array(mk.resize((64, 64), Image.BOX), np.float32) / 255 > 0.5).astype(np.float32)
X, Y, VX, VY = [], [], [], []
for i, (im, mk) in enumerate(zip(imgs, masks)):
    if i in val:
        x, y = plain(im, mk); VX.append(x); VY.append(y); continue
    x, y = plain(im, mk); X.append(x); Y.append(y)
    for _ in range(39):
        x, y = augment(im, mk); X.append(x); Y.append(y)
for nm, arr in [('X', X), ('Y', Y), ('VX', VX), ('VY', VY)]:
    np.save(f'{nm}.npy', np.stack(arr)[:, None].astype(np.float32))
print(len(X), len(VX))
