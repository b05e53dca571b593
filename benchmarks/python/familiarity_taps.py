"""Flag rates and AUROCs of the familiarity check's candidate taps and their combinations.

Input: the CSV of org.lunglens.bench.FamiliarityProbe (per film: set, folder, P(COVID), one score per tap).
Each variant's threshold flags 4% of the validation films (as FamiliarityFitter does); printed per set: the
share flagged and the AUROC against the test split. Usage: python3 familiarity_taps.py probe.csv
"""
import csv,sys,numpy as np
rows=list(csv.DictReader(open(sys.argv[1])))
taps=[k for k in rows[0] if k.startswith('t')]
def arr(sel,k): return np.array([float(r[k]) for r in rows if sel(r)])
val=lambda r:r['set']=='val'; test=lambda r:r['set']=='test'
groups={'test':test,'TB':lambda r:r['set']=='tuberculosis-128','act-N':lambda r:r['set']=='actualmed' and r['folder']=='Normal','act-all':lambda r:r['set']=='actualmed','fig1':lambda r:r['set']=='figure1','hann':lambda r:r['set']=='hannover-mhh',
        'jsrt':lambda r:r['set']=='jsrt','cxc':lambda r:r['set']=='chestxray-com'}
def auc(neg,pos):
    s=np.concatenate([neg,pos]); rk=s.argsort().argsort()+1
    return (rk[len(neg):].sum()-len(pos)*(len(pos)+1)/2)/(len(neg)*len(pos))
combos={t:[t] for t in taps}; combos['max-all']=taps; combos['max-last2']=taps[-2:]; combos['max-0,3']=[taps[0],taps[-1]]
for name,ks in combos.items():
    sc=lambda sel: np.max(np.stack([arr(sel,k) for k in ks]),axis=0)
    v=sc(val); thr=np.quantile(v,0.96)
    out=[f"{name:10s}"]
    for g,sel in groups.items():
        x=sc(sel); out.append(f"{g}:{(x>thr).mean():.2f}" + (f"/auc{auc(sc(test),x):.2f}" if g!='test' else ''))
    print(' '.join(out))
# model calls
for g,sel in groups.items():
    p=arr(sel,'pcovid'); print(g, 'called COVID', round((p>0.5).mean(),2))
print('--- sums')
def run(name, f):
    v=f(val); thr=np.quantile(v,0.96); out=[f"{name:10s}"]
    for g,sel in groups.items():
        x=f(sel); out.append(f"{g}:{(x>thr).mean():.2f}" + (f"/auc{auc(f(test),x):.2f}" if g!='test' else ''))
    print(' '.join(out))
run('sum-all', lambda sel: sum(arr(sel,k) for k in taps))
run('sum-last2', lambda sel: sum(arr(sel,k) for k in taps[-2:]))
run('sumlog', lambda sel: sum(np.log(arr(sel,k)) for k in taps))
def z(sel,k):
    v=np.log(arr(val,k)); return (np.log(arr(sel,k))-v.mean())/v.std()
run('sumz', lambda sel: sum(z(sel,k) for k in taps))
run('sumz-123', lambda sel: sum(z(sel,k) for k in taps[1:]))
