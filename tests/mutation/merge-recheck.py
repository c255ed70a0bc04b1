#!/usr/bin/env python3
"""Merges a full mutation report with a re-run over some of its lines (the survivors' lines after new
tests): the re-run's results for the lines it covered, the full run's for lines unchanged since (mapped
with difflib). Run from the repository root:
  python3 tests/mutation/merge-recheck.py reports/mutation/excel.json reports/mutation/excel-recheck.json
"""
import json, difflib, collections, sys
first=json.load(open(sys.argv[1] if len(sys.argv) > 1 else 'reports/mutation/excel.json'))
re_=json.load(open(sys.argv[2] if len(sys.argv) > 2 else 'reports/mutation/excel-recheck.json'))
cnt=collections.Counter(); perfile=collections.defaultdict(collections.Counter)
for f,d in first['files'].items():
    old=d['source'].split('\n'); new=open(f).read().split('\n')
    sm=difflib.SequenceMatcher(a=old,b=new,autojunk=False)
    mp={}
    for tag,i1,i2,j1,j2 in sm.get_opcodes():
        if tag=='equal':
            for k in range(i2-i1): mp[i1+k+1]=j1+k+1
    relines={m['location']['start']['line'] for m in re_['files'].get(f,{'mutants':[]})['mutants']}
    for m in d['mutants']:
        l=m['location']['start']['line']
        if l not in mp or mp[l] in relines: continue
        cnt[m['status']]+=1; perfile[f][m['status']]+=1
    for m in re_['files'].get(f,{'mutants':[]})['mutants']:
        cnt[m['status']]+=1; perfile[f][m['status']]+=1
def score(c):
    det=c['Killed']+c['Timeout']; tot=det+c['Survived']+c['NoCoverage']
    return 100*det/tot if tot else float('nan'), tot
print('all', '%.2f %%'%score(cnt)[0], dict(cnt))
for f,c in sorted(perfile.items()): print(f, '%.2f'%score(c)[0], dict(c))
