#!/usr/bin/env python3
"""One markdown table row per surviving (or uncovered) mutant of a StrykerJS JSON report, with the verdict
and reason from hand-written tables where one matches (same file, mutator and source line), else `open`.
Run from the repository root:
  python3 tests/mutation/survivor-table.py NEW.json [--old OLD.json ...] VERDICTS.md ...
A verdicts file holds rows `| src/xlsx/zip.ts:120 | Mutator `replacement` | verdict? | reason |`; its line
numbers are those of the --old reports' sources (the run the verdicts were written against; `src/…ts@new:120`
for NEW.json's own), matched to NEW.json's source by the line's text, so code that moved still finds its
verdict and code that changed does not. A four-cell row gives its verdict; a three-cell row means equivalent.
"""
import json, re, sys, collections
args = sys.argv[1:]
report = json.load(open(args.pop(0)))
olds, tables = [], []
while args:
    a = args.pop(0)
    if a == '--old': olds.append(json.load(open(args.pop(0))))
    else: tables.append(a)
def line_text(sources, f, n):
    src = sources.get(f)
    return src[n - 1].strip() if src and 0 < n <= len(src) else None
old_sources = {}
for o in olds:
    for f, d in o['files'].items(): old_sources.setdefault(f, d['source'].split('\n'))
new_sources = {f: d['source'].split('\n') for f, d in report['files'].items()}
verdicts = {}
for path in tables:
    for line in open(path):
        cells = [c.strip() for c in re.split(r'(?<!\\)\|', line.strip().strip('|'))]
        if len(cells) < 3: continue
        m = re.match(r'`?(src/[\w/.-]+\.ts)(@new)?:(\d+)(?::\d+)?`?$', cells[0])
        mut = re.match(r'`?(\w+)', cells[1])
        if not m or not mut: continue
        f, n = m.group(1), int(m.group(3))
        text = line_text(new_sources if m.group(2) or not old_sources else old_sources, f, n)
        verdict = cells[2] if len(cells) >= 4 else 'equivalent'
        if text is not None: verdicts.setdefault((f, text, mut.group(1)), (verdict, cells[-1]))
rows = collections.defaultdict(list)
for f, d in sorted(report['files'].items()):
    src = new_sources[f]
    for m in sorted(d['mutants'], key=lambda m: (m['location']['start']['line'], m['location']['start']['column'])):
        if m['status'] not in ('Survived', 'NoCoverage'): continue
        l, c = m['location']['start']['line'], m['location']['start']['column']
        rep = (m.get('replacement') or '').replace('\n', ' ').replace('|', '\\|')
        if len(rep) > 60: rep = rep[:57] + '…'
        key = (f, src[l - 1].strip(), m['mutatorName'])
        if key in verdicts: verdict, reason = verdicts[key]
        elif m.get('static'): verdict, reason = 'open (static)', 'Stryker marks it static (the line also ran while test files were collected) and ran it against fewer tests; not checked by hand: `' + src[l - 1].strip().replace('|', '\\|')[:90] + '`'
        else: verdict, reason = 'open', ('no test covers it' if m['status'] == 'NoCoverage' else 'tests ran green; not analysed') + ': `' + src[l - 1].strip().replace('|', '\\|')[:90] + '`'
        rows[f].append(f"| {f.split('/')[-1]}:{l}:{c} | {m['mutatorName']} → `{rep}` | {verdict} | {reason} |")
for f, rs in rows.items():
    n = collections.Counter(r.split(' | ')[2] for r in rs)
    print(f"\n### {f}\n\n{', '.join(f'{k} {v}' for k, v in sorted(n.items()))} (of {len(rs)})\n")
    print('| mutant | mutator → replacement | verdict | reason |\n| --- | --- | --- | --- |')
    print('\n'.join(rs))
