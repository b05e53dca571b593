import csv, math
from math import comb
import sys
D=sys.argv[1] if len(sys.argv) > 1 else './'  # folder of the classify CSVs: NETWORK-SET.csv
def load(n,k):
    return {r['path']:(min(1-1e-4,max(1e-4,float(r['COVID']))), r['path']) for r in csv.DictReader(open(f'{D}{n}-{k}.csv'))}
def lo(p): return math.log(p/(1-p))
def calls(k,w):
    a=load('covid-equalized',k); b=load('at128',k); assert a.keys()==b.keys()
    return {p:((1-w)*lo(a[p][0])+w*lo(b[p][0]))>0 for p in a}
def mcnemar(x,y):
    n=x+y; k=min(x,y); return min(1.0, sum(comb(n,i) for i in range(k+1))/2**n*2) if n else 1.0
val=list(csv.DictReader(open(f'{D}covid-equalized-val.csv')))
truth={r['path']:('/COVID/' in r['path']) for r in val}
base={k:calls(k,0.5) for k in ['cxc','jsrt','amn']}
for i in range(0,7):
    w=0.5+0.05*i
    v=calls('val',w); err=sum(v[p]!=truth[p] for p in v)
    un={k:calls(k,w) for k in ['cxc','jsrt','amn']}
    ncovid=sum(sum(c.values()) for c in un.values())
    only_b=sum(base[k][p] and not un[k][p] for k in un for p in un[k]); only_w=sum(un[k][p] and not base[k][p] for k in un for p in un[k])
    ext=sum(sum(calls(k,w).values()) for k in ['amc','fig1','han'])
    print(f'w={w:.2f} validation errors {err}; unseen non-COVID called COVID {ncovid} (' + ' / '.join(str(sum(un[k].values())) for k in ['cxc','jsrt','amn']) + f'); vs w=0.5: {only_b} fewer-only, {only_w} more-only, p={mcnemar(only_b,only_w):.3g}; external COVID {ext}')
