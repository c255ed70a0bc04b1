#!/usr/bin/env python3
"""One markdown table row per surviving (or uncovered) mutant of a StrykerJS JSON report, with the verdict
and reason from hand-written equivalents tables where one matches (same file, line and mutator), else
`open`. Run from the repository root:
  python3 tests/mutation/survivor-table.py reports/mutation/xlsx-unit.json verdicts.md [verdicts2.md ...]
A verdicts file holds rows `| src/xlsx/zip.ts:120 | Mutator `replacement` | reason |` (backticks optional).
"""
import json, re, sys, collections
report = json.load(open(sys.argv[1]))
verdicts = {}
for path in sys.argv[2:]:
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) < 3: continue
        m = re.match(r'`?(src/[\w/.-]+\.ts):(\d+)(?::\d+)?`?$', cells[0])
        if not m: continue
        mut = re.match(r'`?(\w+)', cells[1])
        if not mut: continue
        verdicts.setdefault((m.group(1), int(m.group(2)), mut.group(1)), cells[-1])
rows = collections.defaultdict(list)
for f, d in sorted(report['files'].items()):
    src = d['source'].split('\n')
    for m in sorted(d['mutants'], key=lambda m: (m['location']['start']['line'], m['location']['start']['column'])):
        if m['status'] not in ('Survived', 'NoCoverage'): continue
        l, c = m['location']['start']['line'], m['location']['start']['column']
        key = (f, l, m['mutatorName'])
        rep = (m.get('replacement') or '').replace('\n', ' ').replace('|', '\\|')
        if len(rep) > 60: rep = rep[:57] + '…'
        if key in verdicts: verdict, reason = 'equivalent', verdicts[key]
        else: verdict, reason = 'open', ('no test covers it' if m['status'] == 'NoCoverage' else 'tests ran green; not analysed') + ': `' + src[l - 1].strip().replace('|', '\\|')[:90] + '`'
        rows[f].append(f"| {f.split('/')[-1]}:{l}:{c} | {m['mutatorName']} → `{rep}` | {verdict} | {reason} |")
for f, rs in rows.items():
    n = collections.Counter(r.split(' | ')[2] for r in rs)
    print(f"\n### {f}\n\n{', '.join(f'{k} {v}' for k, v in sorted(n.items()))} (of {len(rs)})\n")
    print('| mutant | mutator → replacement | verdict | reason |\n| --- | --- | --- | --- |')
    print('\n'.join(rs))
