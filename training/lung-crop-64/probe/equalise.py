import numpy as np
def equalise(a):  # rank of each pixel among the film's pixels, in [0,1]
    f = a.ravel(); r = np.empty(f.size); order = np.argsort(f, kind='stable'); r[order] = np.arange(f.size)
    # ties get the mean rank so a constant region stays constant
    _, inv, cnt = np.unique(f, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=r); r = sums[inv] / cnt[inv]
    return (r / max(f.size - 1, 1)).reshape(a.shape).astype(np.float32)
