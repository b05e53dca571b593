# Step 2: every film to crop -> equalised 64 px inputs, in the order of paths.txt
import glob, numpy as np, sys
from PIL import Image
sys.path.insert(0, '.')
from equalise import equalise
roots = ['/work/shared/data/covid19-radiography-128', '/work/shared/data/tuberculosis-128',
         '/work/shared/data/external', '/work/staging/chestxray-com', '/work/staging/jsrt']
paths = sorted(p for r in roots for p in glob.glob(r + '/**/*.png', recursive=True))
X = np.zeros((len(paths), 1, 64, 64), np.float32)
for i, p in enumerate(paths):
    X[i, 0] = equalise(np.array(Image.open(p).convert('L').resize((64, 64), Image.BOX), np.float32))
np.save('A.npy', X); open('paths.txt', 'w').write('\n'.join(paths) + '\n'); print(len(paths))
