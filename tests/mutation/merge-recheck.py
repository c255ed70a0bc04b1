#!/usr/bin/env python3
"""Merges a full mutation report with re-runs over some of its lines (the survivors' lines after new
tests): for each line of the current source, the results of the last report that ran mutants there.
Lines are matched to the current source by their text (difflib), so a report's results for lines
changed since are dropped. Run from the repository root:
  python3 tests/mutation/merge-recheck.py FULL.json RECHECK.json [RECHECK2.json ...] [--survivors]
e.g.  python3 tests/mutation/merge-recheck.py reports/mutation/excel.json reports/mutation/excel-recheck.json
"""
import json, difflib, collections, sys
args = [a for a in sys.argv[1:] if not a.startswith('--')]
show = '--survivors' in sys.argv
if not args: args = ['reports/mutation/excel.json', 'reports/mutation/excel-recheck.json']
reports = [json.load(open(p)) for p in args]
cnt = collections.Counter(); perfile = collections.defaultdict(collections.Counter); survivors = []
files = sorted({f for r in reports for f in r['files']})
for f in files:
    new = open(f).read().split('\n')
    # line of the current source -> (report index, mutants there)
    owner = {}
    for i, r in enumerate(reports):
        d = r['files'].get(f)
        if not d: continue
        sm = difflib.SequenceMatcher(a=d['source'].split('\n'), b=new, autojunk=False)
        mp = {}
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == 'equal':
                for k in range(i2 - i1): mp[i1 + k + 1] = j1 + k + 1
        byline = collections.defaultdict(list)
        for m in d['mutants']:
            l = m['location']['start']['line']
            if l in mp: byline[mp[l]].append(m)
        for l, ms in byline.items(): owner[l] = ms
    for l, ms in sorted(owner.items()):
        for m in ms:
            cnt[m['status']] += 1; perfile[f][m['status']] += 1
            if m['status'] in ('Survived', 'NoCoverage'):
                survivors.append(f"{'S' if m['status'] == 'Survived' else 'N'} {f}:{l}:{m['location']['start']['column']} {m['mutatorName']} {json.dumps(m.get('replacement', ''))[:80]} | {new[l - 1].strip()[:110]}")
def score(c):
    det = c['Killed'] + c['Timeout']; tot = det + c['Survived'] + c['NoCoverage']
    return 100 * det / tot if tot else float('nan'), tot
print('all', '%.2f %%' % score(cnt)[0], dict(cnt))
for f, c in sorted(perfile.items()): print(f, '%.2f' % score(c)[0], dict(c))
if show: print('\n'.join(survivors))
