# Step 3 (before training the segmenter): the 64 px arrays averaged to 32 px, the masks thresholded at half.
import numpy as np
for n in ['X', 'Y', 'VX', 'VY', 'A']:
    a = np.load(n + '.npy'); b = a.reshape(a.shape[0], 1, 32, 2, 32, 2).mean(axis=(3, 5)).astype(np.float32)
    if n in ('Y', 'VY'): b = (b >= 0.5).astype(np.float32)
    np.save(n + '32.npy', b)
