# The screen of README.md: the mean of the networks COVID log-odds from each network's per-film CSV
# (classify --no-site-shift --csv over the validation films and the other-site folders; the CSVs were kept in the
# session's run folders, W and W2). Usage: python3 screen.py NET+NET ... (the default is always printed first).
import csv, math, sys
from math import comb
W='/work/runs/s26/weight/'; W2='/work/runs/s27/weight/'
def load(n,k):
    d=W if n in ('covid-equalized','at128') else W2
    return {r['path']:min(1-1e-4,max(1e-4,float(r['COVID']))) for r in csv.DictReader(open(f'{d}{n}-{k}.csv'))}
lo=lambda p: math.log(p/(1-p))
def calls(k,nets):
    ps=[load(n,k) for n in nets]; assert all(p.keys()==ps[0].keys() for p in ps)
    return {p:sum(lo(x[p]) for x in ps)/len(ps)>0 for p in ps[0]}
def mcnemar(x,y):
    n=x+y; k=min(x,y); return min(1.0, sum(comb(n,i) for i in range(k+1))/2**n*2) if n else 1.0
truth={r['path']:('/COVID/' in r['path']) for r in csv.DictReader(open(f'{W}covid-equalized-val.csv'))}
default=['covid-equalized','at128']
base={k:calls(k,default) for k in ['cxc','jsrt','amn']}
for nets in [default]+[n.split('+') for n in sys.argv[1:]]:
    v=calls('val',nets); err=sum(v[p]!=truth[p] for p in v)
    un={k:calls(k,nets) for k in ['cxc','jsrt','amn']}
    n=sum(sum(c.values()) for c in un.values())
    ob=sum(base[k][p] and not un[k][p] for k in un for p in un[k]); ow=sum(un[k][p] and not base[k][p] for k in un for p in un[k])
    ext=sum(sum(calls(k,nets).values()) for k in ['amc','fig1','han'])
    print(f"{'+'.join(nets)}: validation errors {err}; unseen non-COVID called COVID {n} ("+' / '.join(str(sum(un[k].values())) for k in ['cxc','jsrt','amn'])+f"); vs default: {ob} only default, {ow} only this, p={mcnemar(ob,ow):.3g}; external COVID {ext}")
